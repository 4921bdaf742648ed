using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ModelGen.Samples.Attention;
using ModelGen.Samples.Shared;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = AttentionOptions.Default;
if (args.Length > 0)
    options = options with { Training = options.Training with { Epochs = int.Parse(args[0], CultureInfo.InvariantCulture) } };
Console.WriteLine(MarkerAttention.Summary);
Console.WriteLine($"Task: {options.Length} tokens, one marker ('*') at a random position; the answer is the token after it. Chance: {1.0 / MarkerTask.ContentTokens:P0}.");

var (model, result) = AttentionExperiment.Train(options, new ProgressBar());
Console.WriteLine($"Held-out accuracy ({options.TestCount} sequences): {result.FinalAccuracy:P2} after {options.Training.Epochs} epochs in {result.Elapsed.TotalSeconds:F1} s");

string output = SampleOutput.Directory("Attention");
string curves = Path.Combine(output, "loss.png");
TrainingPlot.Save(curves, "MarkerAttention", "value",
    ("training loss (cross-entropy)", result.EpochLosses), ("held-out error (1 - accuracy)", result.TestAccuracies.Select(a => 1 - a).ToList()));

// A fresh sequence; its marker's position and its answer are printed with the map.
var (tokens, labels, markers) = MarkerTask.Generate(1, options.Length, seed: 2024);
var map = AttentionExperiment.AttentionMap(model, tokens[0]);
string[] shown = tokens[0].data<long>().ToArray().Select(t => t == MarkerTask.Marker ? "*" : t.ToString(CultureInfo.InvariantCulture)).ToArray();
string mapPath = Path.Combine(output, "attention-map.png");
AttentionMapPlot.Save(mapPath, map, shown, $"Marker at {markers[0]}, answer {labels[0].item<long>() + 1} at {markers[0] + 1}");
int mostAttended = Enumerable.Range(0, options.Length).OrderByDescending(k => Enumerable.Range(0, options.Length).Sum(q => map[q, k])).First();
Console.WriteLine($"Sequence {string.Join(' ', shown)}: the marker is at {markers[0]}; the position attended most (summed over queries) is {mostAttended}");
Console.WriteLine($"Curves: {curves}\nAttention map: {mapPath}");
