using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace ModelGen.Samples.WordEmbeddings;

/// <summary>Learned word vectors: nearest neighbours by cosine similarity, and export for the TensorFlow Embedding Projector.</summary>
public sealed class WordVectors
{
    private readonly Vocabulary _vocabulary;
    private readonly float[][] _vectors;

    /// <param name="weights">The embedding's weight [V, D]: row i is word i's vector.</param>
    public WordVectors(Vocabulary vocabulary, Tensor weights)
    {
        _vocabulary = vocabulary;
        using var scope = NewDisposeScope();
        var data = weights.detach().cpu().to(float32).data<float>().ToArray();
        int dimensions = (int)weights.shape[1];
        _vectors = Enumerable.Range(0, vocabulary.Size).Select(i => data.AsSpan(i * dimensions, dimensions).ToArray()).ToArray();
    }

    /// <summary>The <paramref name="count"/> words most similar to <paramref name="word"/> (padding and unknown left out).</summary>
    public IReadOnlyList<(string Word, double Cosine)> Nearest(string word, int count)
    {
        int id = _vocabulary.Id(word);
        if (id == Vocabulary.Unknown)
            throw new ArgumentException($"'{word}' is not in the vocabulary", nameof(word));
        return Enumerable.Range(Vocabulary.Unknown + 1, _vocabulary.Size - Vocabulary.Unknown - 1)
            .Where(other => other != id)
            .Select(other => (_vocabulary.Words[other], Cosine(_vectors[id], _vectors[other])))
            .OrderByDescending(pair => pair.Item2)
            .Take(count)
            .ToList();
    }

    /// <summary>
    /// Writes <c>vectors.tsv</c> (one vector per line, tab-separated) and <c>metadata.tsv</c> (its word) into
    /// <paramref name="folder"/>: the two files projector.tensorflow.org loads. Padding and unknown are left out.
    /// </summary>
    public (string Vectors, string Metadata) Export(string folder)
    {
        string vectors = Path.Combine(folder, "vectors.tsv"), metadata = Path.Combine(folder, "metadata.tsv");
        var ids = Enumerable.Range(Vocabulary.Unknown + 1, _vocabulary.Size - Vocabulary.Unknown - 1).ToList();
        File.WriteAllLines(vectors, ids.Select(i => string.Join('\t', _vectors[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        File.WriteAllLines(metadata, ids.Select(i => _vocabulary.Words[i]));
        return (vectors, metadata);
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.Sqrt(normA * normB);
    }
}
