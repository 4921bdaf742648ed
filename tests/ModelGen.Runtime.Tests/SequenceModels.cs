using System;
using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>The seed's Q16 RNN: an image read row by row, the lower LSTM handing on the whole sequence.</summary>
[Model]
[Input("x", "N, 28, 28")]
public partial class RowLstm
{
    [LSTM(32, RecurrentOutput.Sequence)] public partial LSTM Lower { get; }
    [LSTM(32, RecurrentOutput.LastStep)] public partial LSTM Upper { get; }
    [Linear(10)] public partial Linear Fc { get; }
}

/// <summary>Token ids to a class through an embedding, an LSTM and self-attention (the seed's Q7/Q17 done right).</summary>
[Model]
[Input("tokens", "N, T", DType = ScalarType.Int64)]
public partial class AttentionClassifier
{
    [Embedding(20, 16)] public partial Embedding Embed { get; }
    [PositionalEncoding(64)] public partial PositionalEncoding Positions { get; }
    [LSTM(16, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
    [MultiheadAttention(2)] public partial MultiheadAttention Attention { get; }
    [Linear(4)] public partial Linear Head { get; }

    [Forward]
    private Tensor Forward(Tensor tokens)
    {
        var embedded = Positions.call(Embed.call(tokens));
        var (encoded, _, _) = Encoder.call(embedded, null);
        var sequence = encoded.transpose(0, 1);
        var (attended, weights) = Attention.call(sequence, sequence, sequence, null, true, null);
        return Head.call(attended.mean(new long[] { 0 }));
    }
}

/// <summary>A GRU whose final hidden state feeds the head.</summary>
[Model]
[Input("x", "N, T, 6")]
public partial class GruHead
{
    [GRU(12, RecurrentOutput.LastStep, NumLayers = 2, Bidirectional = true)] public partial GRU Encoder { get; }
    [Linear(3)] public partial Linear Head { get; }
}

/// <summary>A convolutional decoder: [N, 8] to a 1x28x28 image by transposed convolutions.</summary>
[Model]
[Input("z", "N, 8")]
public partial class TinyDecoder
{
    [Linear(16 * 7 * 7, Activation = Activation.ReLU)] public partial Linear Expand { get; }
    [Reshape(16, 7, 7)] public partial Unflatten Grid { get; }
    [ConvTranspose2d(8, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Activation = Activation.ReLU)] public partial ConvTranspose2d Up1 { get; }
    [ConvTranspose2d(1, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Activation = Activation.Sigmoid)] public partial ConvTranspose2d Up2 { get; }
}
