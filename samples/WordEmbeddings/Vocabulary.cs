using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ModelGen.Samples.WordEmbeddings;

/// <summary>Sentences as tensors, one row per sentence; the tensors belong to this object.</summary>
/// <param name="Tokens">Word ids [N, T] (int64), padded with <see cref="Vocabulary.Padding"/> to the longest sentence.</param>
/// <param name="Lengths">Words per sentence [N, 1] (float32), to average over.</param>
/// <param name="Counts">How often each vocabulary word occurs [N, V] (float32): the bag of words.</param>
/// <param name="Labels">Topics [N] (int64).</param>
public sealed record EncodedSentences(Tensor Tokens, Tensor Lengths, Tensor Counts, Tensor Labels) : IDisposable
{
    public int Count => checked((int)Labels.shape[0]);

    /// <summary>The rows at <paramref name="index"/> (int64 ids), as new tensors (the current dispose scope's).</summary>
    public EncodedSentences Select(Tensor index) => new(
        Tokens.index_select(0, index), Lengths.index_select(0, index), Counts.index_select(0, index), Labels.index_select(0, index));

    public void Dispose()
    {
        Tokens.Dispose();
        Lengths.Dispose();
        Counts.Dispose();
        Labels.Dispose();
    }
}

/// <summary>The words of the training sentences, numbered from 2: id 0 pads, id 1 stands for a word never seen in training.</summary>
public sealed class Vocabulary
{
    public const int Padding = 0;
    public const int Unknown = 1;

    private readonly Dictionary<string, int> _ids = new();
    private readonly List<string> _words = new() { "<pad>", "<unknown>" };

    public Vocabulary(IEnumerable<Sentence> training)
    {
        foreach (var word in training.SelectMany(s => TopicCorpus.Words(s.Text)).Distinct().Order(StringComparer.Ordinal))
        {
            _ids[word] = _words.Count;
            _words.Add(word);
        }
    }

    /// <summary>Number of ids, padding and unknown included.</summary>
    public int Size => _words.Count;

    /// <summary>Every id's word, in id order.</summary>
    public IReadOnlyList<string> Words => _words;

    public int Id(string word) => _ids.GetValueOrDefault(word, Unknown);

    public EncodedSentences Encode(IReadOnlyList<Sentence> sentences)
    {
        var ids = sentences.Select(s => TopicCorpus.Words(s.Text).Select(Id).ToArray()).ToArray();
        int longest = ids.Max(s => s.Length);
        var tokens = new long[sentences.Count * longest];
        var counts = new float[sentences.Count * Size];
        for (int n = 0; n < ids.Length; n++)
        {
            for (int t = 0; t < ids[n].Length; t++)
            {
                tokens[n * longest + t] = ids[n][t];
                counts[n * Size + ids[n][t]]++;
            }
        }
        return new EncodedSentences(
            tensor(tokens, new long[] { sentences.Count, longest }),
            tensor(ids.Select(s => (float)s.Length).ToArray(), new long[] { sentences.Count, 1 }),
            tensor(counts, new long[] { sentences.Count, Size }),
            tensor(sentences.Select(s => (long)s.Topic).ToArray()));
    }
}
