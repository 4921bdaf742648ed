namespace ModelGen.SourceGenerators.Tests.Generation;

/// <summary>Model declarations shared by the generation tests: the seed's first three models and a wired one.</summary>
internal static class ModelSources
{
    private const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    public const string LinearRegression = Usings + """
        namespace Samples;

        [Model]
        [Input("x", "N, 1")]
        public partial class LinearRegression
        {
            [Linear(1)] public partial Linear Dense { get; }
        }
        """;

    public const string MnistCnn = Usings + """
        namespace Samples;

        [Model]
        [Input("x", "N, 1, 28, 28")]
        public partial class MnistCnn
        {
            [Conv2d(32, Kernel = 3, Activation = Activation.ReLU)] public partial Conv2d Conv1 { get; }
            [MaxPool2d(2)] public partial MaxPool2d Pool { get; }
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(10)] public partial Linear Fc { get; }
        }
        """;

    public const string DropoutMlp = Usings + """
        namespace Samples;

        [Model]
        [Input("x", "N, 1, 28, 28")]
        public partial class DropoutMlp
        {
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(64, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
            [Dropout(0.5)] public partial Dropout Dropout { get; }
            [Linear(10)] public partial Linear Output { get; }
        }
        """;

    public const string ResidualBlock = Usings + """
        namespace Samples.Blocks;

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class ResidualBlock
        {
            [Conv2d(16, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(16, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return nn.functional.relu(h + x);
            }
        }
        """;

    public const string TwoInputs = Usings + """
        namespace Samples;

        [Model]
        [Input("state", "N, 4")]
        [Input("action", "N, 2")]
        public partial class ValueNetwork
        {
            [Linear(32, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
            [Linear(1)] public partial Linear Value { get; }

            [Forward]
            private Tensor Forward(Tensor state, Tensor action) => Value.call(Hidden.call(torch.cat(new[] { state, action }, 1)));
        }
        """;

    // The runtime tests' models, generated here as text and run there on libtorch: one copy of each.
    public static string ResNetAndCustomBatchNorm => RuntimeTestModels("CompositionModels.cs");

    public static string GanAndFrozenBackbone => RuntimeTestModels("GanModels.cs");

    public static string Sequences => RuntimeTestModels("SequenceModels.cs");

    public static string MultiOutput => RuntimeTestModels("MultiOutputModels.cs");

    private static string RuntimeTestModels(string file, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        System.IO.File.ReadAllText(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "..", "..", "ModelGen.Runtime.Tests", file));
}
