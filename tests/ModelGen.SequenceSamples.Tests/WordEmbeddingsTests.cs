using System.Linq;
using ModelGen.Samples.WordEmbeddings;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.SequenceSamples.Tests;

/// <summary>The topic corpus, its encoding, and a short seeded run of both classifiers.</summary>
public class WordEmbeddingsTests
{
    [Fact]
    public void The_corpus_is_balanced_and_the_same_for_the_same_seed()
    {
        var corpus = TopicCorpus.Generate(perTopic: 50, seed: 3);

        Assert.Equal(200, corpus.Count);
        Assert.All(Enumerable.Range(0, TopicCorpus.Topics.Count), topic => Assert.Equal(50, corpus.Count(s => s.Topic == topic)));
        Assert.Equal(corpus, TopicCorpus.Generate(perTopic: 50, seed: 3));
    }

    [Fact]
    public void Sentences_are_padded_with_id_0_and_words_unseen_in_training_become_unknown()
    {
        var vocabulary = new Vocabulary(new[] { new Sentence("the chef baked", 1) });
        using var encoded = vocabulary.Encode(new[] { new Sentence("the chef baked the bread", 1), new Sentence("the chef", 1) });

        int the = vocabulary.Id("the"), chef = vocabulary.Id("chef"), baked = vocabulary.Id("baked");
        Assert.Equal(new long[] { the, chef, baked, the, Vocabulary.Unknown, the, chef, 0, 0, 0 }, encoded.Tokens.data<long>().ToArray());
        Assert.Equal(new float[] { 5, 2 }, encoded.Lengths.data<float>().ToArray());
        Assert.Equal(2f, encoded.Counts[0, the].item<float>());
        Assert.Equal(1f, encoded.Counts[0, Vocabulary.Unknown].item<float>());
    }

    [Fact]
    public void A_short_seeded_run_classifies_held_out_sentences_and_groups_words_by_topic()
    {
        // Chance is 25 %. Ten epochs on half the sample's corpus must take both models to three times that, and the
        // embedding must put a cooking word among cooking words: about one word in five is cooking-only, so
        // chance would give one of the five nearest neighbours; at least three must be.
        var options = new TopicOptions(PerTopic: 100, TestCount: 100, Epochs: 10, Seed: 1);
        var data = TopicData.Create(options);

        var result = TopicExperiment.Run(data, options);

        Assert.True(result.Embedding.FinalAccuracy >= 0.75, $"mean embedding: {result.Embedding.FinalAccuracy:P1}; nearest to oven: {string.Join(", ", result.Vectors.Nearest("oven", 5))}");
        Assert.True(result.BagOfWords.FinalAccuracy >= 0.75, $"bag of words: {result.BagOfWords.FinalAccuracy:P1}");
        int cooking = TopicCorpus.Topics.ToList().IndexOf("cooking");
        var neighbours = result.Vectors.Nearest("oven", 5).Select(n => n.Word).ToList();
        Assert.True(neighbours.Count(TopicCorpus.WordsOnlyIn(cooking).Contains) >= 3, string.Join(", ", neighbours));
    }
}
