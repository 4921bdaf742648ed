using System;
using System.Globalization;
using ModelGen.Samples.DropoutMlp;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
Console.WriteLine(DropoutMlp.Summary);

var options = new ClassifierOptions(Epochs: epochs);
random.manual_seed(options.Seed);
using var digits = MnistDigits.Load();
var (train, test) = digits.Split();
var model = new DropoutMlp();
var result = ClassifierTraining.Train(model, model.TrainStep, model.Predict, train, test, options, new ProgressBar());
Console.WriteLine($"Final training loss: {result.EpochLosses[^1]:F4}");
Console.WriteLine($"Held-out accuracy ({test.Count} digits, dropout off): {result.FinalAccuracy:P2} after {epochs} epochs in {result.Elapsed.TotalSeconds:F1} s");
