using System.Linq;
using ModelGen.Samples.Attention;
using ModelGen.Samples.Shared;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.SequenceSamples.Tests;

/// <summary>The marker task, and a short seeded run of the attention model with its attention map.</summary>
public class AttentionTests
{
    [Fact]
    public void Every_sequence_has_one_marker_and_its_label_is_the_token_after_it()
    {
        var (tokens, labels, markers) = MarkerTask.Generate(count: 200, length: 8, seed: 5);

        var rows = tokens.data<long>().ToArray().Chunk(8).ToArray();
        for (int n = 0; n < rows.Length; n++)
        {
            Assert.Equal(1, rows[n].Count(t => t == MarkerTask.Marker));
            Assert.Equal(MarkerTask.Marker, rows[n][markers[n]]);
            Assert.Equal(rows[n][markers[n] + 1] - 1, labels[n].item<long>());
        }
        // The marker lands everywhere but the last position.
        Assert.Equal(Enumerable.Range(0, 7), markers.Distinct().Order());
    }

    [Fact]
    public void A_short_seeded_run_finds_the_token_after_the_marker_and_attends_to_it()
    {
        // Chance is 10 %. Two epochs on 3,000 sequences of 8 tokens are less than the sample's run, but must
        // reach 80 %, and the position after the marker must draw the most attention.
        var options = new AttentionOptions(3000, 500, 8, new ClassifierOptions(Epochs: 2, BatchSize: 64, LearningRate: 3e-3, Seed: 1));

        var (model, result) = AttentionExperiment.Train(options);

        Assert.True(result.FinalAccuracy >= 0.80, $"held-out accuracy {result.FinalAccuracy:P1}, per epoch {string.Join(", ", result.TestAccuracies)}");
        var (tokens, _, markers) = MarkerTask.Generate(count: 1, length: 8, seed: 11);
        var map = AttentionExperiment.AttentionMap(model, tokens[0]);
        var attention = Enumerable.Range(0, 8).Select(k => Enumerable.Range(0, 8).Sum(q => map[q, k])).ToList();
        Assert.Equal(markers[0] + 1, attention.IndexOf(attention.Max()));
    }
}
