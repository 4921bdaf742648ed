using ModelGen.Samples.RowLstm;
using ModelGen.Samples.Shared;

var result = ClassifierSample.Run(args, RowLstm.Summary.ToString(), new ClassifierOptions(Epochs: 12, BatchSize: 64, LearningRate: 2e-3), () =>
{
    var model = new RowLstm();
    return (model, model.TrainStep, model.Predict);
});
ClassifierSample.SaveCurves("RowLstm", result);
