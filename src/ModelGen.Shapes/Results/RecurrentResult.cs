using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The outcome of <see cref="RecurrentRule"/>: torch's RNN and GRU return <c>(output, h_n)</c>, LSTM
/// <c>(output, (h_n, c_n))</c>. <see cref="MultiOutputResult.Layer"/> has the output sequence as its
/// output; <see cref="MultiOutputResult.Outputs"/> is <c>output, h_n</c> (and <c>c_n</c> for LSTM), and
/// <see cref="MultiOutputResult.OptionalInputs"/> the shapes of the optional initial states <c>h_0</c>
/// (and <c>c_0</c>), which are those of h_n and c_n.
/// </summary>
public sealed class RecurrentResult : MultiOutputResult
{
    private RecurrentResult(LayerResult layer, IReadOnlyList<NamedShape>? outputs, IReadOnlyList<NamedShape>? initialStates, Shape? hidden, Shape? cell)
        : base(layer, outputs, initialStates)
    {
        HiddenState = hidden;
        CellState = cell;
    }

    /// <summary>h_n, the last hidden state of every layer and direction: [D*num_layers, N, H] (unbatched [D*num_layers, H]); null on failure.</summary>
    public Shape? HiddenState { get; }

    /// <summary>c_n, LSTM's last cell state, shaped as <see cref="HiddenState"/>; null for RNN and GRU and on failure.</summary>
    public Shape? CellState { get; }

    /// <summary>The shape an initial hidden state h_0 must have (that of h_n); null on failure.</summary>
    public Shape? InitialHiddenState => HiddenState;

    /// <summary>The shape an LSTM's initial cell state c_0 must have (that of c_n); null for RNN and GRU and on failure.</summary>
    public Shape? InitialCellState => CellState;

    internal static RecurrentResult Ok(LayerResult layer, Shape hidden, Shape? cell)
    {
        var outputs = new List<NamedShape> { new NamedShape("output", layer.Output!), new NamedShape("h_n", hidden) };
        var initial = new List<NamedShape> { new NamedShape("h_0", hidden) };
        if (cell is not null)
        {
            outputs.Add(new NamedShape("c_n", cell));
            initial.Add(new NamedShape("c_0", cell));
        }
        return new RecurrentResult(layer, outputs, initial, hidden, cell);
    }

    internal static RecurrentResult Fail(ShapeError error) => new RecurrentResult(LayerResult.Fail(error), null, null, null, null);
}
