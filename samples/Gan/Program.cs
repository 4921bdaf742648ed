using System;
using System.IO;
using ModelGen.Samples.Gan;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

var options = new GanOptions();
options = options with { Epochs = SampleCommandLine.Start(args, options.Epochs, DigitGan.Summary) };
string output = SampleOutput.Directory("Gan");

random.manual_seed(options.Seed);
using var digits = MnistDigits.Load();
var (train, test) = digits.Split();
var judge = GanTraining.LoadOrTrainJudge(Path.Combine(output, "mnist-cnn.dat"), train, test, new ProgressBar());

random.manual_seed(options.Seed);
var gan = new DigitGan();
var result = GanTraining.Train(gan, train, options, new ProgressBar());

// Fresh noise, never seen in training: 1,000 digits for the judge.
var samples = GanTraining.ToPixels(gan.Generate(randn(1000, GanTraining.NoiseSize)));
var judgement = GanTraining.Judge(judge.Predict, samples);
Console.WriteLine($"Trained {options.Epochs} epochs in {result.Elapsed.TotalSeconds:F1} s; final losses: discriminator {result.DiscriminatorLosses[^1]:F4}, generator {result.GeneratorLosses[^1]:F4}");
Console.WriteLine($"Recognisable digits: {judgement.Confident} of {judgement.Count} ({judgement.ConfidentFraction:P1}) classified with confidence >= {GanTraining.ConfidenceThreshold} by the seed's CNN");
Console.WriteLine($"Per class 0-9: {string.Join(" ", judgement.ConfidentPerClass)}{(judgement.MissingClasses.Count == 0 ? "; every digit appears" : $"; missing: {string.Join(", ", judgement.MissingClasses)}")}");

string lossPath = Path.Combine(output, "loss.png");
TrainingPlot.Save(lossPath, "DigitGan on MNIST", "loss (binary cross-entropy)",
    ("discriminator (real + generated)", result.DiscriminatorLosses), ("generator", result.GeneratorLosses));
string samplesPath = Path.Combine(output, "samples.png");
ImageGrid.Save(samplesPath, samples.narrow(0, 0, 100), columns: 10);
string byClassPath = Path.Combine(output, "samples-by-class.png");
ImageGrid.Save(byClassPath, GanTraining.ArrangeByClass(samples, judgement, perClass: 10), columns: 10);
Console.WriteLine($"Loss curve: {lossPath}\nFirst 100 samples: {samplesPath}\nConfident samples, a row per digit: {byClassPath}");
