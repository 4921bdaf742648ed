using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// A generated project of many varied model classes, one file each, for the caching-at-scale tests and the
/// generator benchmarks (tests/ModelGen.Benchmarks links this file). Models cycle through five kinds:
/// a sequential CNN, an MLP, a two-input [Forward] model, a hyperparameterized residual block, and a
/// network that uses the block before it twice as [Submodel]s. Two files hold no model at all.
/// </summary>
public static class ModelProject
{
    public const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    /// <summary>The files without a model: an edit there must regenerate nothing.</summary>
    public const string UnrelatedPath = "Util/Notes.cs";

    public const string Unrelated = "namespace Project.Util;\n\ninternal static class Notes\n{\n    public const int Version = 1;\n}\n";

    public enum Kind
    {
        Cnn,
        Mlp,
        TwoInputs,
        Block,
        Network,
    }

    public static Kind KindOf(int index) => (Kind)(index % 5);

    /// <summary>The class name of the n-th model, such as <c>Cnn000</c>.</summary>
    public static string Name(int index) => KindOf(index) + index.ToString("000", CultureInfo.InvariantCulture);

    public static string Path(int index) => "Models/" + Name(index) + ".cs";

    /// <summary>The project's files, in a stable order: the models, then the two unrelated files.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(int models) =>
        Enumerable.Range(0, models).Select(i => (Path(i), Source(i)))
            .Append((UnrelatedPath, Unrelated))
            .Append(("Util/Program.cs", "namespace Project.Util;\n\ninternal static class Program\n{\n    public static int Main() => Notes.Version;\n}\n"))
            .ToList();

    /// <summary>The n-th model's file.</summary>
    public static string Source(int index) => Source(index, edited: false);

    /// <summary>
    /// The n-th model's file after an edit inside the model that changes its generated code: the last
    /// layer's width for most kinds, the convolutions' kernel (not the output shape) for a block.
    /// </summary>
    public static string Edited(int index) => Source(index, edited: true);

    /// <summary>The models that use the n-th model as a [Submodel]: the network right after a block.</summary>
    public static IEnumerable<int> UsersOf(int index, int models) =>
        KindOf(index) == Kind.Block && index + 1 < models ? new[] { index + 1 } : Array.Empty<int>();

    private static string Source(int i, bool edited)
    {
        string name = Name(i);
        int width = 8 + i % 8;
        int classes = (edited ? 11 : 10) + i % 7;
        string body = KindOf(i) switch
        {
            Kind.Cnn => $$"""
                /// <summary>A sequential CNN on {{16 + 4 * (i % 4)}}x{{16 + 4 * (i % 4)}} images.</summary>
                [Model]
                [Input("x", "N, {{1 + i % 3}}, {{16 + 4 * (i % 4)}}, {{16 + 4 * (i % 4)}}")]
                public partial class {{name}}
                {
                    [Conv2d({{width}}, Kernel = 3, Padding = 1, Activation = Activation.ReLU)] public partial Conv2d Conv1 { get; }
                    [BatchNorm2d(Momentum = 0.05, Eps = 1e-3)] public partial BatchNorm2d Norm1 { get; }
                    [MaxPool2d(2)] public partial MaxPool2d Pool1 { get; }
                    [Conv2d({{2 * width}}, Kernel = 3, Activation = Activation.LeakyReLU)] public partial Conv2d Conv2 { get; }
                    [AvgPool2d(2)] public partial AvgPool2d Pool2 { get; }
                    [Flatten] public partial Flatten Flatten { get; }
                    [Dropout(0.25)] public partial Dropout Dropout { get; }
                    [Linear({{classes}})] public partial Linear Classifier { get; }
                }
                """,
            Kind.Mlp => $$"""
                /// <summary>An MLP over {{32 + i}} features.</summary>
                [Model]
                [Input("x", "N, {{32 + i}}")]
                public partial class {{name}}
                {
                    [Linear(64, Activation = Activation.ReLU)] public partial Linear Hidden1 { get; }
                    [LayerNorm(Eps = 1e-6)] public partial LayerNorm Norm { get; }
                    [Dropout(0.5)] public partial Dropout Dropout { get; }
                    [Linear({{width * 4}}, Activation = Activation.Tanh)] public partial Linear Hidden2 { get; }
                    [Linear({{classes}})] public partial Linear Output { get; }
                }
                """,
            Kind.TwoInputs => $$"""
                /// <summary>Two inputs sharing the batch dimension, wired in a [Forward] method.</summary>
                [Model]
                [Input("state", "N, {{4 + i % 5}}")]
                [Input("action", "N, 2")]
                public partial class {{name}}
                {
                    [Linear({{width * 4}}, Activation = Activation.GELU)] public partial Linear Encoder { get; }
                    [Linear({{width * 4}})] public partial Linear Hidden { get; }
                    [Dropout(0.1)] public partial Dropout Drop { get; }
                    [Linear({{classes}})] public partial Linear Value { get; }

                    [Forward]
                    private Tensor Forward(Tensor state, Tensor action)
                    {
                        var h = Encoder.call(torch.cat(new[] { state, action }, 1));
                        h = nn.functional.relu(Hidden.call(h) + h);
                        return Value.call(Drop.call(h));
                    }
                }
                """,
            Kind.Block => $$"""
                /// <summary>A residual block written once; its width is inferred where it is used.</summary>
                [Model]
                [Input("x", "N, Filters, H, W")]
                public partial class {{name}}
                {
                    [Hyperparameter] public partial int Filters { get; }
                    [Hyperparameter(Default = 0.1)] public partial double Slope { get; }

                    [Conv2d(nameof(Filters), Kernel = {{(edited ? 5 : 3)}}, Padding = {{(edited ? 2 : 1)}}, Bias = false)] public partial Conv2d Conv1 { get; }
                    [BatchNorm2d(Momentum = 0.2)] public partial BatchNorm2d BN1 { get; }
                    [Conv2d(nameof(Filters), Kernel = {{(edited ? 5 : 3)}}, Padding = {{(edited ? 2 : 1)}}, Bias = false)] public partial Conv2d Conv2 { get; }
                    [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

                    [Forward]
                    private Tensor Forward(Tensor x)
                    {
                        var h = nn.functional.leaky_relu(BN1.call(Conv1.call(x)), Slope);
                        h = BN2.call(Conv2.call(h));
                        return nn.functional.relu(h + x);
                    }
                }
                """,
            _ => $$"""
                /// <summary>A network of two {{Name(i - 1)}} blocks at {{width}} channels.</summary>
                [Model]
                [Input("x", "N, 3, 32, 32")]
                public partial class {{name}}
                {
                    [Conv2d({{width}}, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Stem { get; }
                    [BatchNorm2d] public partial BatchNorm2d StemBN { get; }
                    [ReLU] public partial ReLU StemReLU { get; }
                    [Submodel] public partial {{Name(i - 1)}} Stage1 { get; }
                    [MaxPool2d(2)] public partial MaxPool2d Pool { get; }
                    [Submodel(0.2)] public partial {{Name(i - 1)}} Stage2 { get; }
                    [AdaptiveAvgPool2d(1, 1)] public partial AdaptiveAvgPool2d Global { get; }
                    [Flatten] public partial Flatten Flatten { get; }
                    [Linear({{classes}})] public partial Linear Classifier { get; }
                }
                """,
        };
        return Usings + "namespace Project.Models;\n\n" + body + "\n";
    }
}
