using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

namespace ModelGen.Samples.WordEmbeddings;

/// <summary>How both classifiers are trained: the same data, epochs, batches and seed.</summary>
public sealed record TopicOptions(int PerTopic = 200, int TestCount = 200, int Epochs = 20, int BatchSize = 32, double LearningRate = 1e-2, int Seed = 42);

/// <summary>The corpus split into training and held-out sentences, and the training sentences' vocabulary.</summary>
public sealed record TopicData(IReadOnlyList<Sentence> Train, IReadOnlyList<Sentence> Test, Vocabulary Vocabulary)
{
    /// <summary>Generates the corpus and holds out <see cref="TopicOptions.TestCount"/> sentences chosen by the seed.</summary>
    public static TopicData Create(TopicOptions options)
    {
        var corpus = TopicCorpus.Generate(options.PerTopic);
        var order = MnistDigits.Permutation(corpus.Count, (ulong)options.Seed);
        var test = order.Take(options.TestCount).Select(i => corpus[i]).ToList();
        var train = order.Skip(options.TestCount).Select(i => corpus[i]).ToList();
        return new TopicData(train, test, new Vocabulary(train));
    }
}

/// <summary>Both classifiers' curves and the embedding model's learned vectors.</summary>
public sealed record TopicResult(ClassifierResult Embedding, ClassifierResult BagOfWords, WordVectors Vectors);

/// <summary>The mean-embedding classifier and the bag-of-words baseline trained on the same split of the topic corpus.</summary>
public static class TopicExperiment
{
    public static TopicResult Run(TopicData data, TopicOptions options, ProgressBar? progress = null)
    {
        var vocabulary = data.Vocabulary;
        using var trainData = vocabulary.Encode(data.Train);
        using var testData = vocabulary.Encode(data.Test);
        var loss = nn.CrossEntropyLoss();
        var training = new ClassifierOptions(options.Epochs, options.BatchSize, options.LearningRate, options.Seed);

        random.manual_seed(options.Seed);
        var embedding = new MeanEmbeddingClassifier(vocabulary.Size);
        var embeddingResult = Fit(embedding, (batch, optimizer) => embedding.TrainStep(batch.Tokens, batch.Lengths, batch.Labels, optimizer, loss),
            sentences => embedding.Predict(sentences.Tokens, sentences.Lengths), "embedding");

        random.manual_seed(options.Seed);
        var bagOfWords = new BagOfWordsClassifier(vocabulary.Size);
        var bagResult = Fit(bagOfWords, (batch, optimizer) => bagOfWords.TrainStep(batch.Counts, batch.Labels, optimizer, loss),
            sentences => bagOfWords.Predict(sentences.Counts), "bag of words");

        return new TopicResult(embeddingResult, bagResult, new WordVectors(vocabulary, embedding.Embed.weight!));

        ClassifierResult Fit(
            nn.Module model, Func<EncodedSentences, optim.Optimizer, float> step, Func<EncodedSentences, Tensor> predict, string name)
        {
            var optimizer = optim.Adam(model.parameters(), options.LearningRate);
            return IndexedTraining.Train(
                trainData.Count, rows => step(trainData.Select(rows), optimizer),
                () => IndexedTraining.Accuracy(predict(testData), testData.Labels), training, name, progress);
        }
    }
}
