using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>
/// torch.nn.RNN, LSTM and GRU with their output tuples. TorchSharp's modules take only 3-d input, so an
/// unbatched [T, F] sequence runs as PyTorch's Python module runs it: unsqueezed at the batch dimension
/// (h_0 and c_0 at dimension 1), the outputs squeezed back. Modules and tensors are float64: for float32
/// libtorch runs LSTM through oneDNN, which builds kernels per shape (about 30 s instead of 1 s for 200 configurations).
/// </summary>
internal static class RecurrentCases
{
    public static DiffCase NextRnn(DiffRandom r) => Next(r, RecurrentKind.Rnn);

    public static DiffCase NextLstm(DiffRandom r) => Next(r, RecurrentKind.Lstm);

    public static DiffCase NextGru(DiffRandom r) => Next(r, RecurrentKind.Gru);

    private static DiffCase Next(DiffRandom r, RecurrentKind kind)
    {
        bool lstm = kind == RecurrentKind.Lstm;
        bool batched = r.Chance(0.8);
        bool batchFirst = r.Chance(0.5);
        bool bidirectional = r.Chance(0.5);
        bool bias = r.Chance(0.7);
        long layers = r.Int(1, 3), hidden = r.Int(1, 6), features = r.Int(1, 6), length = r.Int(1, 5), batch = r.Int(1, 3);
        long directions = bidirectional ? 2 : 1;
        long? declared = r.Chance(0.3) ? features : null;
        bool withState = r.Chance(0.4);
        string mode = "valid";
        if (r.Chance(0.35))
        {
            mode = r.Pick("input_size", "rank", "empty", "state", "state", "hidden_size", "num_layers");
            switch (mode)
            {
                case "input_size":
                    declared = r.IntExcept(1, 7, features);
                    break;
                case "empty":
                    length = 0;
                    break;
                case "state":
                    withState = true;
                    break;
                case "hidden_size":
                    hidden = 0;
                    break;
                case "num_layers":
                    layers = 0;
                    break;
            }
        }

        long[] input = batched ? (batchFirst ? new[] { batch, length, features } : new[] { length, batch, features }) : new[] { length, features };
        if (mode == "rank")
        {
            input = r.Chance(0.5) ? new[] { features } : new[] { length, batch, 2, features };
        }
        long[] expectedState = batched ? new[] { directions * layers, batch, hidden } : new[] { directions * layers, hidden };
        var inputs = new List<long[]> { input };
        if (withState)
        {
            inputs.Add(expectedState.ToArray());
            if (lstm)
            {
                inputs.Add(expectedState.ToArray());
            }
            if (mode == "state")
            {
                // One of the states is wrong in one dimension, or in rank.
                var wrong = inputs[r.Int(1, inputs.Count - 1)];
                int d = r.Int(0, wrong.Length - 1);
                if (r.Chance(0.2))
                {
                    inputs[inputs.IndexOf(wrong)] = r.Chance(0.5) ? wrong.Skip(1).ToArray() : wrong.Prepend(1L).ToArray();
                }
                else
                {
                    wrong[d] = wrong[d] > 1 && r.Chance(0.5) ? wrong[d] - 1 : wrong[d] + r.Int(1, 2);
                }
            }
        }

        string name = kind switch { RecurrentKind.Lstm => "LSTM", RecurrentKind.Gru => "GRU", _ => "RNN" };
        long torchInput = declared ?? features;
        var c = new DiffCase
        {
            Description = $"{name}({torchInput}, {hidden}, layers={layers}, bias={bias}, batch_first={batchFirst}, bidirectional={bidirectional}) on {string.Join(" ", inputs.Select(Sym.Text))} ({mode})",
            Inputs = inputs.ToArray(),
            CreateInput = (_, sizes) => torch.zeros(sizes, dtype: torch.float64),
            Engine = s => RecurrentRule.Apply(
                s[0],
                new RecurrentOptions(kind, hidden)
                {
                    NumLayers = layers,
                    Bias = bias,
                    BatchFirst = batchFirst,
                    Bidirectional = bidirectional,
                    InputSize = declared is null ? null : declared == features && s[0].Rank > 0 ? s[0][s[0].Rank - 1] : Dim.Const(declared.Value),
                },
                s.Length > 1 ? s[1] : null,
                s.Length > 2 ? s[2] : null),
            Torch = t => Run(kind, t, torchInput, hidden, layers, bias, batchFirst, bidirectional),
        };

        // The sequence's own axes as symbols, the states' batch dimension tied to the input's.
        var roles = input.Length == 3 ? (batchFirst ? new[] { "N", "T", "F" } : new[] { "T", "N", "F" }) : input.Length == 2 ? new[] { "T", "F" } : null;
        if (roles is not null)
        {
            var symbolicInput = Shape.Of(roles.Select(Dim.Sym).ToArray());
            var binding = roles.Select((role, i) => (role, input[i])).ToList();
            Dim[] stateDims = batched ? new Dim[] { directions * layers, Dim.Sym("N"), hidden } : new Dim[] { directions * layers, hidden };
            c.With("sequence", Tie(symbolicInput, inputs, expectedState, stateDims), binding.ToArray());

            // hidden_size and num_layers as model parameters too.
            if (hidden > 0 && layers > 0)
            {
                Dim[] hyperState = batched
                    ? new[] { directions * Dim.Sym("L"), Dim.Sym("N"), Dim.Sym("H") }
                    : new[] { directions * Dim.Sym("L"), Dim.Sym("H") };
                c.WithEngine(
                    "hyper",
                    s => RecurrentRule.Apply(
                        s[0],
                        new RecurrentOptions(kind, Dim.Sym("H"))
                        {
                            NumLayers = Dim.Sym("L"),
                            Bias = bias,
                            BatchFirst = batchFirst,
                            Bidirectional = bidirectional,
                            InputSize = declared is null ? null : declared == features ? s[0][s[0].Rank - 1] : Dim.Const(declared.Value),
                        },
                        s.Length > 1 ? s[1] : null,
                        s.Length > 2 ? s[2] : null),
                    Tie(symbolicInput, inputs, expectedState, hyperState),
                    binding.Append(("H", hidden)).Append(("L", layers)).ToArray());
            }
        }
        return c;
    }

    /// <summary>The input, then each state with the symbolic dims where it has the expected size (constants elsewhere).</summary>
    private static Shape[] Tie(Shape input, List<long[]> inputs, long[] expected, Dim[] symbolic)
    {
        var shapes = new List<Shape> { input };
        foreach (var state in inputs.Skip(1))
        {
            shapes.Add(Shape.Of(state.Select((v, i) => state.Length == expected.Length && v == expected[i] ? symbolic[i] : (Dim)v).ToArray()));
        }
        return shapes.ToArray();
    }

    private static TorchResult Run(RecurrentKind kind, torch.Tensor[] t, long inputSize, long hidden, long layers, bool bias, bool batchFirst, bool bidirectional)
    {
        var x = t[0];
        bool unbatched = x.dim() == 2;
        int batchDim = batchFirst ? 0 : 1;
        torch.Tensor? h0 = t.Length > 1 ? t[1] : null, c0 = t.Length > 2 ? t[2] : null;
        if (unbatched)
        {
            x = x.unsqueeze(batchDim);
            h0 = h0?.unsqueeze(1);
            c0 = c0?.unsqueeze(1);
        }
        torch.Tensor[] outputs;
        long parameters;
        switch (kind)
        {
            case RecurrentKind.Lstm:
            {
                using var m = torch.nn.LSTM(inputSize, hidden, layers, bias, batchFirst, bidirectional: bidirectional, dtype: torch.float64);
                var (o, h, c) = m.call(x, h0 is null ? null : (h0, c0!));
                outputs = new[] { o, h, c };
                parameters = Count(m);
                break;
            }
            case RecurrentKind.Gru:
            {
                using var m = torch.nn.GRU(inputSize, hidden, layers, bias, batchFirst, bidirectional: bidirectional, dtype: torch.float64);
                var (o, h) = m.call(x, h0);
                outputs = new[] { o, h };
                parameters = Count(m);
                break;
            }
            default:
            {
                using var m = torch.nn.RNN(inputSize, hidden, layers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional, dtype: torch.float64);
                var (o, h) = m.call(x, h0);
                outputs = new[] { o, h };
                parameters = Count(m);
                break;
            }
        }
        if (unbatched)
        {
            outputs = outputs.Select((o, i) => o.squeeze(i == 0 ? batchDim : 1)).ToArray();
        }
        return new TorchResult(outputs, parameters);
    }
}
