using System;
using System.IO;
using ModelGen.Samples.Autoencoder;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

var options = new AutoencoderOptions();
options = options with { Epochs = SampleCommandLine.Start(args, options.Epochs, ConvAutoencoder.Summary) };
string output = SampleOutput.Directory("Autoencoder");

random.manual_seed(options.Seed);
using var digits = MnistDigits.Load();
var (train, test) = digits.Split();
var model = new ConvAutoencoder();
var result = AutoencoderTraining.Train(model, train, test, options, new ProgressBar());
Console.WriteLine($"Held-out reconstruction ({test.Count} digits): mean per-pixel BCE {result.FinalTestLoss:F4} after {options.Epochs} epochs in {result.Elapsed.TotalSeconds:F1} s");

string lossPath = Path.Combine(output, "loss.png");
TrainingPlot.Save(lossPath, "ConvAutoencoder on MNIST", "mean per-pixel binary cross-entropy",
    ("training", result.EpochLosses), ("held-out", result.TestLosses));
string gridPath = Path.Combine(output, "reconstructions.png");
ImageGrid.Save(gridPath, AutoencoderTraining.OriginalsAndReconstructions(model, test, count: 30, columns: 10), columns: 10);
Console.WriteLine($"Loss curve: {lossPath}\nHeld-out digits (odd rows) and their reconstructions (even rows): {gridPath}");
