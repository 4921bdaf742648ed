using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>The seed's bugs in ModelGen models, reported with the same ids as in hand-written TorchSharp code.</summary>
public class ModelTrainingDiagnosticsTests
{
    private const string SoftmaxClassifier = """
        [Model]
        [Input("x", "N, 784")]
        public partial class Classifier
        {
            [Linear(10, Activation = Activation.Softmax)] public partial Linear Output { get; }
        }

        """;

    [Fact]
    public Task A_softmax_model_trained_with_cross_entropy_is_reported_at_the_loss() => Markup.VerifyAsync(SoftmaxClassifier + """
        public static class Training
        {
            public static float Step(Classifier model, Tensor x, Tensor y, optim.Optimizer optimizer) =>
                model.TrainStep(x, y, optimizer, {|MG0101:nn.CrossEntropyLoss()|});
        }
        """);

    [Fact]
    public Task A_softmax_model_trained_with_a_loss_held_in_a_local_is_reported() => Markup.VerifyAsync(SoftmaxClassifier + """
        public static class Training
        {
            public static float Step(Classifier model, Tensor x, Tensor y, optim.Optimizer optimizer)
            {
                var loss = nn.CrossEntropyLoss();
                return model.TrainStep(x, y, optimizer, {|MG0101:loss|});
            }
        }
        """);

    [Fact]
    public Task A_softmax_model_trained_with_nll_on_its_log_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 784")]
        public partial class Classifier
        {
            [Linear(10, Activation = Activation.LogSoftmax)] public partial Linear Output { get; }
        }

        public static class Training
        {
            public static float Step(Classifier model, Tensor x, Tensor y, optim.Optimizer optimizer) =>
                model.TrainStep(x, y, optimizer, nn.NLLLoss());
        }
        """);

    [Fact]
    public Task A_logits_model_trained_with_cross_entropy_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 784")]
        public partial class Classifier
        {
            [Linear(10)] public partial Linear Output { get; }
        }

        public static class Training
        {
            public static float Step(Classifier model, Tensor x, Tensor y, optim.Optimizer optimizer) =>
                model.TrainStep(x, y, optimizer, nn.CrossEntropyLoss());
        }
        """);

    [Fact]
    public Task A_sigmoid_forward_trained_with_bce_with_logits_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class Scorer
        {
            [Linear(1)] public partial Linear Score { get; }

            [Forward]
            private Tensor Forward(Tensor x) => torch.sigmoid(Score.call(x));
        }

        public static class Training
        {
            public static float Step(Scorer model, Tensor x, Tensor y, optim.Optimizer optimizer) =>
                model.TrainStep(x, y, optimizer, {|MG0101:nn.BCEWithLogitsLoss()|});
        }
        """);

    [Fact]
    public Task The_seeds_inverted_residual_loses_the_skip_connection_on_the_path_that_returns_the_plain_branch() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Conv.call(x);
                return h.shape[1] != x.shape[1] ? h + x : {|MG0115:h|};
            }
        }
        """);

    [Fact]
    public Task A_residual_that_adds_on_every_path_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => training ? Conv.call(x) + x : nn.functional.relu(Conv.call(x) + x);
        }
        """);

    [Fact]
    public Task A_flatten_of_a_flat_layer_output_is_reported_as_information() => Markup.VerifyAsync("""
        [Model]
        [Input("noise", "N, 100")]
        public partial class Generator
        {
            [Linear(256)] public partial Linear Dense { get; }
            [{|MG0113:Flatten|}] public partial Flatten Flatten { get; }
            [Linear(784)] public partial Linear Pixels { get; }
        }
        """);
}
