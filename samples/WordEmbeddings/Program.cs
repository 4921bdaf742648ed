using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ModelGen.Samples.Shared;
using ModelGen.Samples.WordEmbeddings;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new TopicOptions();
if (args.Length > 0)
    options = options with { Epochs = int.Parse(args[0], CultureInfo.InvariantCulture) };

var data = TopicData.Create(options);
// The summaries depend on the vocabulary's size; these two instances only print them.
Console.WriteLine(new MeanEmbeddingClassifier(data.Vocabulary.Size).Summary);
Console.WriteLine(new BagOfWordsClassifier(data.Vocabulary.Size).Summary);
Console.WriteLine($"{data.Train.Count} training and {data.Test.Count} held-out sentences on {string.Join(", ", TopicCorpus.Topics)}; vocabulary {data.Vocabulary.Size - 2} words");

var result = TopicExperiment.Run(data, options, new ProgressBar());
Console.WriteLine($"Held-out accuracy after {options.Epochs} epochs: mean embedding {result.Embedding.FinalAccuracy:P1}, bag of words {result.BagOfWords.FinalAccuracy:P1}");

foreach (string word in new[] { "goal", "oven", "rain", "server", "hot", "today" })
    Console.WriteLine($"Nearest to '{word}': {string.Join(", ", result.Vectors.Nearest(word, 5).Select(n => $"{n.Word} ({n.Cosine:F2})"))}");

string output = SampleOutput.Directory("WordEmbeddings");
var (vectors, metadata) = result.Vectors.Export(output);
Console.WriteLine($"Word vectors: {vectors} and {metadata} (load both at projector.tensorflow.org)");
string plot = Path.Combine(output, "accuracy.png");
TrainingPlot.Save(plot, "Topic classification, held-out sentences", "accuracy",
    ("mean embedding", result.Embedding.TestAccuracies), ("bag of words", result.BagOfWords.TestAccuracies));
Console.WriteLine($"Accuracy curves: {plot}");
