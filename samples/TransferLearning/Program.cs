using System;
using System.IO;
using System.Linq;
using ModelGen.Samples.Shared;
using ModelGen.Samples.TransferLearning;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

var options = new TransferOptions();
options = options with { FineTuneEpochs = SampleCommandLine.Start(args, options.FineTuneEpochs, FrozenDigitClassifier.Summary) };
string output = SampleOutput.Directory("TransferLearning");

using var digits = MnistDigits.Load();
var (train, test) = digits.Split();
Console.WriteLine($"Pretraining the backbone on digits 0-4 for {options.PretrainEpochs} epochs");
var result = TransferExperiment.Run(train, test, output, options, new ProgressBar());

// The safetensors copy is what a PyTorch user would take: check that it reads back to the weights the transfer used.
var fromTorchSharp = TransferExperiment.LoadFrozen(Path.Combine(output, TransferExperiment.BackboneFile));
var fromSafetensors = new FrozenDigitClassifier();
fromSafetensors.Backbone.load_safetensors(Path.Combine(output, TransferExperiment.SafetensorsFile));
var loaded = fromSafetensors.Backbone.state_dict();
bool identical = fromTorchSharp.Backbone.state_dict().All(p => p.Value.allclose(loaded[p.Key], rtol: 0, atol: 0));

Console.WriteLine($"Pretrained backbone: {result.PretrainAccuracy:P2} on held-out digits 0-4; saved as {TransferExperiment.BackboneFile} and {TransferExperiment.SafetensorsFile} (identical weights: {identical})");
Console.WriteLine($"Held-out digits 5-9 after {options.FineTuneEpochs} epochs on {options.PerClass} per class, mean of {options.Repeats} draws:");
Console.WriteLine($"  frozen pretrained backbone + new head: {result.TransferredAccuracy:P2}");
Console.WriteLine($"  same architecture from scratch:        {result.ScratchAccuracy:P2}");
Console.WriteLine($"  margin: {(result.TransferredAccuracy - result.ScratchAccuracy) * 100:F2} points, in {result.Elapsed.TotalSeconds:F1} s");

string lossPath = Path.Combine(output, "loss.png");
TrainingPlot.Save(lossPath, $"Digits 5-9 from {options.PerClass} per class (first draw)", "value",
    ("transferred: training loss", result.Transferred[0].EpochLosses),
    ("transferred: held-out error", result.Transferred[0].TestAccuracies.Select(a => 1 - a).ToList()),
    ("from scratch: training loss", result.Scratch[0].EpochLosses),
    ("from scratch: held-out error", result.Scratch[0].TestAccuracies.Select(a => 1 - a).ToList()));
Console.WriteLine($"Loss curves: {lossPath}");
