using ModelGen.Samples.DropoutMlp;
using ModelGen.Samples.Shared;

// Predict switches the model to evaluation mode, so the reported accuracy is measured with dropout off.
ClassifierSample.Run(args, DropoutMlp.Summary.ToString(), () =>
{
    var model = new DropoutMlp();
    return (model, model.TrainStep, model.Predict);
});
