using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>
/// <c>[LSTM]</c>, <c>[GRU]</c>, <c>[RNN]</c>: input_size is inferred from the last dimension. Called in a
/// [Forward] method they return their whole tuple (output, h_n[, c_n]); in a sequential chain they hand
/// on what their required <c>Output</c> says: the whole sequence, or its last step.
/// </summary>
internal sealed class RecurrentLayer : LayerDefinition
{
    private readonly string _kind;
    private readonly RecurrentKind _recurrent;

    public RecurrentLayer(string kind, RecurrentKind recurrent)
    {
        _kind = kind;
        _recurrent = recurrent;
    }

    public override string Kind => _kind;

    public override LayerResult? Infer(Shape input, LayerArguments arguments) => Rule(input, arguments, null, null)?.Layer;

    public override LayerApplication? Apply(LayerInputs inputs, LayerArguments arguments)
    {
        if (inputs.Count is < 1 or > 2 || inputs.Tensor(0) is not { } input)
        {
            return Fail($"{Kind} takes a sequence and, optionally, its initial state, not ({inputs})");
        }
        if (input.Rank != 3)
        {
            // torch would read [N, F] as one unbatched sequence of N steps: in a model that is the seed's Q24 bug.
            string layout = arguments.Flag("BatchFirst", true) ? "[N, T, F]" : "[T, N, F]";
            return Fail(input.Rank == 2
                ? $"{Kind} takes a batch of sequences {layout} but gets {input}, one vector per sample; the layer before must hand on the whole sequence (RecurrentOutput.Sequence)"
                : $"{Kind} takes a batch of sequences {layout} but gets {input}");
        }
        if (inputs.IsInteger(0))
        {
            return Fail($"{Kind} takes real values but gets integer ids; an Embedding turns ids into vectors");
        }
        Shape? hidden = null;
        Shape? cell = null;
        if (!inputs.IsAbsent(1))
        {
            var state = inputs.Tuple(1)!;
            if (_recurrent == RecurrentKind.Lstm ? state.Count != 2 : state.Count != 1)
            {
                return Fail(_recurrent == RecurrentKind.Lstm ? "an LSTM's initial state is the tuple (h_0, c_0)" : $"a {Kind}'s initial state is one tensor h_0");
            }
            hidden = state[0];
            cell = _recurrent == RecurrentKind.Lstm ? state[1] : null;
        }
        var result = Rule(input, arguments, hidden, cell);
        if (result is null)
        {
            return null;
        }
        if (!result.Success)
        {
            return new LayerApplication(result.Layer);
        }
        var tuple = new System.Collections.Generic.List<Shape> { result.Output!, result.HiddenState! };
        if (result.CellState is { } cellState)
        {
            tuple.Add(cellState);
        }
        return new LayerApplication(result.Layer, tuple);
    }

    public override Shape? ChainOutput(LayerApplication application, LayerArguments arguments)
    {
        var output = application.Result.Output!;
        return LastStep(arguments) ? Select.Apply(output, arguments.Flag("BatchFirst", true) ? 1 : 0, Dim.Const(-1)).Output : output;
    }

    // The initial state is left to the module (zeros); C# needs the null spelled out for the state parameter.
    public override string ChainCall(LayerArguments arguments) =>
        "{field}.call({input}, " + (_recurrent == RecurrentKind.Lstm ? "null" : "null!") + ").Item1"
        + (LastStep(arguments) ? $".select({(arguments.Flag("BatchFirst", true) ? 1 : 0)}, -1)" : "");

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn." + _kind)
            .Named("inputSize", Inferred(result, "input_size"))
            .Named("hiddenSize", Emitting.Code.Size(arguments.Size("HiddenSize", 1)!))
            .Named("numLayers", arguments.Size("NumLayers", 1)!, 1)
            .Named("bias", arguments.Flag("Bias", true), true)
            .Named("batchFirst", arguments.Flag("BatchFirst", true), false)
            .Named("dropout", arguments.Real("Dropout", 0, 0, 1), 0)
            .Named("bidirectional", arguments.Flag("Bidirectional", false), false)
            .ToString();

    private static bool LastStep(LayerArguments arguments) => arguments.EnumMember("Output", "Sequence") == "LastStep";

    private RecurrentResult? Rule(Shape input, LayerArguments arguments, Shape? hidden, Shape? cell)
    {
        var hiddenSize = arguments.Size("HiddenSize", 1);
        var layers = arguments.Size("NumLayers", 1);
        arguments.Real("Dropout", 0, 0, 1);
        if (hiddenSize is null || layers is null || arguments.HasErrors)
        {
            return null;
        }
        return RecurrentRule.Apply(input, new RecurrentOptions(_recurrent, hiddenSize)
        {
            NumLayers = layers,
            Bias = arguments.Flag("Bias", true),
            BatchFirst = arguments.Flag("BatchFirst", true),
            Bidirectional = arguments.Flag("Bidirectional", false),
        }, hidden, cell);
    }
}
