using System;
using static TorchSharp.torch;

namespace ModelGen.Samples.Attention;

/// <summary>
/// "Which token followed the marker?": a sequence of random content tokens with one marker at a random
/// position; the answer is the token right after the marker. Where the answer sits changes from sequence to
/// sequence and only the marker before it says where, so no single position, and no count of tokens, gives it
/// away: the model has to relate positions to each other.
/// </summary>
public static class MarkerTask
{
    /// <summary>Token 0 is the marker; 1 to <see cref="ContentTokens"/> are content.</summary>
    public const long Marker = 0;

    /// <summary>Distinct content tokens, and so the number of classes.</summary>
    public const int ContentTokens = 10;

    public const int VocabularySize = ContentTokens + 1;

    /// <summary>
    /// <paramref name="count"/> sequences of <paramref name="length"/> tokens, drawn with <paramref name="seed"/>:
    /// tokens [N, T] (int64), labels [N] (0 to 9: the content token after the marker, minus one), and the
    /// marker's positions.
    /// </summary>
    public static (Tensor Tokens, Tensor Labels, int[] MarkerPositions) Generate(int count, int length, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var random = new Random(seed);
        var tokens = new long[count * length];
        var labels = new long[count];
        var positions = new int[count];
        for (int n = 0; n < count; n++)
        {
            for (int t = 0; t < length; t++)
                tokens[n * length + t] = 1 + random.Next(ContentTokens);
            // Never last: something must follow the marker.
            int marker = random.Next(length - 1);
            tokens[n * length + marker] = Marker;
            labels[n] = tokens[n * length + marker + 1] - 1;
            positions[n] = marker;
        }
        return (tensor(tokens, new long[] { count, length }), tensor(labels), positions);
    }
}
