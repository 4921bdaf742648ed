using ModelGen.Samples.CustomBatchNorm;
using ModelGen.Samples.Shared;

// Predict switches to evaluation mode, so the held-out accuracy is measured with the running statistics.
var result = ClassifierSample.Run(args, BatchNormCnn.Summary.ToString(), new ClassifierOptions(Epochs: 5, BatchSize: 64), () =>
{
    var model = new BatchNormCnn();
    return (model, model.TrainStep, model.Predict);
});
ClassifierSample.SaveCurves("CustomBatchNorm", result);
