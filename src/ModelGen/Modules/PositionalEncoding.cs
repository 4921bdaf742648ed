using System;
using static TorchSharp.torch;

namespace ModelGen;

/// <summary>
/// The fixed sinusoidal position encoding (Vaswani et al., 2017): position t, feature 2i holds
/// sin(t / 10000^(2i/E)) and feature 2i+1 the cosine; it is added to the input. It has no parameters;
/// the table is a non-persistent buffer, so state dicts are unchanged by it.
/// </summary>
public sealed class PositionalEncoding : nn.Module<Tensor, Tensor>
{
    private readonly Tensor _table;
    private readonly bool _batchFirst;

    /// <summary>Builds the table for sequences of at most <paramref name="maxLength"/> steps of <paramref name="embedDim"/> features.</summary>
    public PositionalEncoding(long maxLength, long embedDim, bool batchFirst = true) : base(nameof(PositionalEncoding))
    {
        if (maxLength < 1 || embedDim < 1)
        {
            throw new ArgumentOutOfRangeException(maxLength < 1 ? nameof(maxLength) : nameof(embedDim), "Sizes must be positive.");
        }
        _batchFirst = batchFirst;
        using var scope = NewDisposeScope();
        var position = arange(maxLength, dtype: ScalarType.Float32).unsqueeze(1);
        var frequency = exp(arange(0, embedDim, 2, dtype: ScalarType.Float32) * (-Math.Log(10000.0) / embedDim));
        var table = zeros(maxLength, embedDim);
        table[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = sin(position * frequency);
        table[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = cos(position * frequency).narrow(1, 0, embedDim / 2);
        _table = table.MoveToOuterDisposeScope();
        register_buffer("table", _table, persistent: false);
    }

    /// <summary>The input plus the encoding of each position.</summary>
    public override Tensor forward(Tensor input)
    {
        long steps = input.shape[_batchFirst ? 1 : 0];
        var encoding = _table.narrow(0, 0, steps);
        return input + (_batchFirst ? encoding.unsqueeze(0) : encoding.unsqueeze(1));
    }
}
