using System;
using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>A classifier that also returns its attention weights: a [Forward] method returning a named tuple.</summary>
[Model]
[Input("tokens", "N, T", DType = ScalarType.Int64)]
public partial class ExplainedClassifier
{
    [Embedding(20, 8)] public partial Embedding Embed { get; }
    [MultiheadAttention(2)] public partial MultiheadAttention Attention { get; }
    [Linear(3)] public partial Linear Head { get; }

    [Forward]
    private (Tensor Logits, Tensor Weights) Forward(Tensor tokens)
    {
        var sequence = Embed.call(tokens).transpose(0, 1);
        var (attended, weights) = Attention.call(sequence, sequence, sequence, null, true, null);
        return (Head.call(attended.mean(new long[] { 0 })), weights);
    }
}

/// <summary>An encoder whose unnamed outputs are the code and its reconstruction; used whole inside another model.</summary>
[Model]
[Input("x", "N, 12")]
public partial class CodeAndReconstruction
{
    [Linear(4, Activation = Activation.Tanh)] public partial Linear Encode { get; }
    [Linear(12)] public partial Linear Decode { get; }

    [Forward]
    private (Tensor, Tensor) Forward(Tensor x)
    {
        var code = Encode.call(x);
        return (code, Decode.call(code));
    }
}

/// <summary>A multi-output model as a [Submodel]: its tuple is read by element name and by deconstruction.</summary>
[Model]
[Input("x", "N, 12")]
public partial class CodeClassifier
{
    [Submodel] public partial CodeAndReconstruction Autoencoder { get; }
    [Linear(2)] public partial Linear Head { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var (code, reconstruction) = Autoencoder.call(x);
        return Head.call(code) + Autoencoder.call(reconstruction).Item1.sum(new long[] { 1 }, keepdim: true);
    }
}
