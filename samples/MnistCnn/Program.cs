using ModelGen.Samples.MnistCnn;
using ModelGen.Samples.Shared;

ClassifierSample.Run(args, MnistCnn.Summary.ToString(), () =>
{
    var model = new MnistCnn();
    return (model, model.TrainStep, model.Predict);
});
