using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>The recurrent layers, which differ in their gates: the parameters have 1, 4 or 3 blocks per layer.</summary>
public enum RecurrentKind
{
    /// <summary><c>torch.nn.RNN</c> (tanh or ReLU; one gate block).</summary>
    Rnn,

    /// <summary><c>torch.nn.LSTM</c> (input, forget, cell and output gates; four blocks; a cell state).</summary>
    Lstm,

    /// <summary><c>torch.nn.GRU</c> (reset, update and new gates; three blocks).</summary>
    Gru,
}

/// <summary>
/// Hyperparameters of <c>torch.nn.RNN</c>, <c>torch.nn.LSTM</c> and <c>torch.nn.GRU</c> that affect shapes;
/// sizes are <see cref="Dim"/> so they may be model parameters. LSTM's <c>proj_size</c> is not here:
/// TorchSharp 0.107's <c>nn.LSTM</c> has no such argument.
/// </summary>
public sealed class RecurrentOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSize"/> is null.</exception>
    public RecurrentOptions(RecurrentKind kind, Dim hiddenSize)
    {
        Kind = kind;
        HiddenSize = hiddenSize ?? throw new ArgumentNullException(nameof(hiddenSize));
    }

    /// <summary>RNN, LSTM or GRU.</summary>
    public RecurrentKind Kind { get; init; }

    /// <summary>hidden_size, H.</summary>
    public Dim HiddenSize { get; init; }

    /// <summary>num_layers (default 1); each layer after the first reads the previous one's D*H features.</summary>
    public Dim NumLayers { get; init; } = Dim.One;

    /// <summary>Whether each layer has the biases b_ih and b_hh (default true).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>batch_first: the input and output are [N, T, *] instead of [T, N, *] (default false); h_n is not affected.</summary>
    public bool BatchFirst { get; init; }

    /// <summary>Whether the layer runs in both directions, D = 2 (default false).</summary>
    public bool Bidirectional { get; init; }

    /// <summary>input_size when written explicitly; null (the default) takes it from the input's last dimension.</summary>
    public Dim? InputSize { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.RNN</c>, <c>torch.nn.LSTM</c> and <c>torch.nn.GRU</c>. The input is
/// [T, N, input_size] ([N, T, input_size] with batch_first) or unbatched [T, input_size]; with D = 2 when
/// bidirectional, else 1, the outputs are <c>output</c> [T, N, D*H] (batch_first [N, T, D*H], unbatched
/// [T, D*H]), <c>h_n</c> [D*num_layers, N, H] (unbatched [D*num_layers, H]) and, for LSTM, <c>c_n</c>
/// shaped as h_n. The sequence length T must be at least 1. Optional initial states h_0 (and c_0) must
/// have the shapes of h_n (and c_n). Infers <c>input_size</c>; parameters, for each layer k and
/// direction, <c>G*H*in_k + G*H*H (+ 2*G*H)</c> with G = 1 (RNN), 4 (LSTM), 3 (GRU), in_0 = input_size
/// and in_k = D*H after the first layer.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's modules take only 3-d input; an unbatched input is what PyTorch's Python module
/// does: the input unsqueezed at the batch dimension, h_0 and c_0 at dimension 1, and the outputs
/// squeezed back. Code that runs an unbatched sequence through TorchSharp must do the same.
/// </remarks>
public static class RecurrentRule
{
    /// <summary>Applies the rule; <paramref name="initialHidden"/> (h_0) and <paramref name="initialCell"/> (c_0, LSTM only, given together with h_0) are checked when given.</summary>
    /// <exception cref="ArgumentNullException">The input, the options or an option is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not a defined <see cref="RecurrentKind"/>.</exception>
    /// <exception cref="ArgumentException">A c_0 for RNN or GRU, or only one of h_0 and c_0 for LSTM (torch's forward cannot be called so).</exception>
    public static RecurrentResult Apply(Shape input, RecurrentOptions options, Shape? initialHidden = null, Shape? initialCell = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.HiddenSize is null || options.NumLayers is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        if (options.Kind < RecurrentKind.Rnn || options.Kind > RecurrentKind.Gru)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown recurrent kind.");
        }
        bool lstm = options.Kind == RecurrentKind.Lstm;
        if (!lstm && initialCell is not null)
        {
            throw new ArgumentException($"{Name(options.Kind)} has no cell state, so it takes no c_0.", nameof(initialCell));
        }
        if (lstm && (initialHidden is null) != (initialCell is null))
        {
            throw new ArgumentException("LSTM takes h_0 and c_0 together.", initialHidden is null ? nameof(initialHidden) : nameof(initialCell));
        }

        string op = Name(options.Kind);
        try
        {
            return Check(op, input, options, initialHidden, initialCell);
        }
        catch (OverflowException)
        {
            return RecurrentResult.Fail(new ShapeError(ShapeErrorKind.CannotInfer, $"{op}: a size or parameter count does not fit in a 64-bit integer", "input"));
        }
    }

    private static RecurrentResult Check(string op, Shape input, RecurrentOptions options, Shape? initialHidden, Shape? initialCell)
    {
        bool batched = input.Rank == 3;
        if (!batched && input.Rank != 2)
        {
            string layout = options.BatchFirst ? "[N, T, input_size]" : "[T, N, input_size]";
            return RecurrentResult.Fail(new ShapeError(
                ShapeErrorKind.RankMismatch,
                $"{op} expects a 3-d input {layout} (or 2-d unbatched [T, input_size]) but got {input}",
                "input"));
        }

        var constraints = new Constraints();
        var error = constraints.HyperparameterAtLeast(op, "hidden_size", options.HiddenSize, 1, "HiddenSize")
            ?? constraints.HyperparameterAtLeast(op, "num_layers", options.NumLayers, 1, "NumLayers");
        if (error is not null)
        {
            return RecurrentResult.Fail(error);
        }

        Dim inputSize = input[input.Rank - 1];
        if (options.InputSize is not null)
        {
            error = Constraints.Equal(
                options.InputSize,
                inputSize,
                $"{op}: input_size is {options.InputSize} but the input {input} has {inputSize} features in its last dimension",
                $"{op}: cannot prove input_size {options.InputSize} equals the last dimension {inputSize} of the input {input}",
                "input_size");
            if (error is not null)
            {
                return RecurrentResult.Fail(error);
            }
        }

        int timeAxis = batched && options.BatchFirst ? 1 : 0;
        Dim length = input[timeAxis];
        error = constraints.AtLeast(
            length,
            1,
            $"{op}: the sequence length {length} must be at least 1",
            () => new ShapeError(ShapeErrorKind.InvalidDimension, $"{op}: the sequence length (dimension {Text.Int(timeAxis)} of {input}) is {length}, and torch rejects an empty sequence", "input"));
        if (error is not null)
        {
            return RecurrentResult.Fail(error);
        }

        Dim hidden = options.HiddenSize;
        long directions = options.Bidirectional ? 2 : 1;
        Dim states = directions * options.NumLayers;
        var outputDims = new List<Dim>(input.Dims);
        outputDims[outputDims.Count - 1] = directions * hidden;
        var stateShape = batched ? Shape.Of(states, input[options.BatchFirst ? 0 : 1], hidden) : Shape.Of(states, hidden);

        if (initialHidden is not null)
        {
            error = ShapeMatch.Exactly(op, "h_0", initialHidden, stateShape, "h_0");
            if (error is not null)
            {
                return RecurrentResult.Fail(error);
            }
        }
        if (initialCell is not null)
        {
            error = ShapeMatch.Exactly(op, "c_0", initialCell, stateShape, "c_0");
            if (error is not null)
            {
                return RecurrentResult.Fail(error);
            }
        }

        long gates = options.Kind switch
        {
            RecurrentKind.Lstm => 4,
            RecurrentKind.Gru => 3,
            _ => 1,
        };
        Dim gateRows = gates * hidden;
        Dim biases = options.Bias ? 2 * gateRows : Dim.Zero;
        // weight_ih_l{k} [G*H, in_k], weight_hh_l{k} [G*H, H], b_ih and b_hh [G*H], per direction.
        Dim firstLayer = (gateRows * inputSize) + (gateRows * hidden) + biases;
        Dim laterLayer = (gateRows * directions * hidden) + (gateRows * hidden) + biases;
        Dim parameters = directions * (firstLayer + ((options.NumLayers - 1) * laterLayer));

        var inferred = new Dictionary<string, Dim> { ["input_size"] = inputSize };
        var layer = LayerResult.Ok(Shape.Of(outputDims), parameters, inferred, constraints.Requirements);
        return RecurrentResult.Ok(layer, stateShape, options.Kind == RecurrentKind.Lstm ? stateShape : null);
    }

    private static string Name(RecurrentKind kind) => kind switch
    {
        RecurrentKind.Lstm => "LSTM",
        RecurrentKind.Gru => "GRU",
        _ => "RNN",
    };
}
