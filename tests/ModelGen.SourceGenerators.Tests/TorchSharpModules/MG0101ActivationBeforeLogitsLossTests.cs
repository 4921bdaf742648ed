using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>MG0101: a softmax or sigmoid output fed to a loss that expects logits (the seed's classifiers, ported to torch).</summary>
public class MG0101ActivationBeforeLogitsLossTests
{
    [Fact]
    public async Task A_Softmax_field_at_the_end_of_forward_fed_to_CrossEntropyLoss_is_reported_with_the_activation_as_additional_location()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc = nn.Linear(784, 10);
                private readonly Softmax softmax = nn.Softmax(1);
                public Classifier() : base(nameof(Classifier)) => RegisterComponents();
                public override Tensor forward(Tensor x) => softmax.call(fc.call(x));
            }

            public static class Training
            {
                public static void Step(Classifier model, Tensor x, Tensor y)
                {
                    var loss = nn.CrossEntropyLoss();
                    var value = loss.call({|MG0101:model.call(x)|}, y);
                    value.backward();
                }
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("'model.call(x)' ends with softmax, but CrossEntropyLoss expects logits and applies log_softmax itself", diagnostic.GetMessage());
        Assert.Equal("softmax.call(fc.call(x))", Assert.Single(diagnostic.AdditionalLocations).SourceTree!.ToString().Substring(Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start, Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Length));
    }

    [Fact]
    public Task A_local_Sequential_ending_in_Softmax_fed_through_forward_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(1));
                var criterion = nn.CrossEntropyLoss();
                return criterion.forward({|MG0101:model.forward(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_Sequential_of_named_tuples_held_in_a_field_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Classifier : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential layers;
            public Classifier() : base(nameof(Classifier))
            {
                layers = nn.Sequential(("fc", nn.Linear(784, 10)), ("probs", nn.Softmax(1)));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => layers.call(x);
        }

        public static class Training
        {
            public static Tensor Loss(Classifier model, Tensor x, Tensor y) => nn.CrossEntropyLoss().call({|MG0101:model.call(x)|}, y);
        }
        """);

    [Fact]
    public Task A_functional_softmax_in_forward_fed_to_functional_cross_entropy_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Classifier : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(784, 10);
            public Classifier() : base(nameof(Classifier)) => RegisterComponents();
            public override Tensor forward(Tensor x)
            {
                var logits = fc.call(x);
                return nn.functional.softmax(logits, 1);
            }
        }

        public static class Training
        {
            public static Tensor Loss(Classifier model, Tensor x, Tensor y)
            {
                var output = model.call(x);
                return nn.functional.cross_entropy({|MG0101:output|}, y);
            }
        }
        """);

    [Fact]
    public Task A_tensor_softmax_in_a_helper_method_of_the_model_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Classifier : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(784, 10);
            public Classifier() : base(nameof(Classifier)) => RegisterComponents();
            public override Tensor forward(Tensor x) => Head(x.flatten(1));
            private Tensor Head(Tensor h) => fc.call(h).softmax(1);
        }

        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = new Classifier();
                var criterion = nn.CrossEntropyLoss();
                return criterion.call({|MG0101:model.call(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_nested_block_class_that_ends_in_softmax_is_followed_through_the_outer_model() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Network : nn.Module<Tensor, Tensor>
        {
            private sealed class Head : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc = nn.Linear(64, 10);
                public Head() : base(nameof(Head)) => RegisterComponents();
                public override Tensor forward(Tensor x) => torch.softmax(fc.call(x), 1);
            }

            private readonly Linear body = nn.Linear(784, 64);
            private readonly Head head = new Head();
            public Network() : base(nameof(Network)) => RegisterComponents();
            public override Tensor forward(Tensor x) => head.call(body.call(x).relu());
        }

        public sealed class Trainer
        {
            private readonly Network model = new Network();
            private readonly CrossEntropyLoss criterion = nn.CrossEntropyLoss();
            public Tensor Loss(Tensor x, Tensor y) => criterion.call({|MG0101:model.call(x)|}, y);
        }
        """);

    [Fact]
    public Task Softmax_applied_inline_to_logits_before_the_loss_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static Tensor Loss(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
            {
                var loss = nn.CrossEntropyLoss();
                return loss.call({|MG0101:model.call(x).softmax(1)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_Sigmoid_output_fed_to_BCEWithLogitsLoss_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var discriminator = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid());
                var loss = nn.BCEWithLogitsLoss();
                return loss.call({|MG0101:discriminator.call(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_sigmoid_function_fed_to_functional_binary_cross_entropy_with_logits_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y) =>
                nn.functional.binary_cross_entropy_with_logits({|MG0101:torch.sigmoid(fc.call(x))|}, y);
        }
        """);

    [Fact]
    public Task Logits_fed_to_CrossEntropyLoss_and_softmax_taken_only_for_prediction_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Classifier : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(784, 10);
            public Classifier() : base(nameof(Classifier)) => RegisterComponents();
            public override Tensor forward(Tensor x) => fc.call(x);
            public Tensor Probabilities(Tensor x) => forward(x).softmax(1);
        }

        public static class Training
        {
            public static Tensor Loss(Classifier model, Tensor x, Tensor y)
            {
                var logits = model.call(x);
                var probabilities = logits.softmax(1);
                return nn.CrossEntropyLoss().call(logits, y);
            }
        }
        """);

    [Fact]
    public Task A_softmax_taken_only_outside_training_is_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Classifier : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(784, 10);
            public Classifier() : base(nameof(Classifier)) => RegisterComponents();
            public override Tensor forward(Tensor x)
            {
                var logits = fc.call(x);
                if (training)
                {
                    return logits;
                }
                return logits.softmax(1);
            }
        }

        public static class Training
        {
            public static Tensor Loss(Classifier model, Tensor x, Tensor y) => nn.CrossEntropyLoss().call(model.call(x), y);
        }
        """);

    [Fact]
    public async Task Softmax_before_NLLLoss_is_reported_saying_it_expects_log_probabilities()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential layers = nn.Sequential(nn.Linear(784, 10), nn.Softmax(1));
                public Classifier() : base(nameof(Classifier)) => RegisterComponents();
                public override Tensor forward(Tensor x) => layers.call(x);
            }

            public static class Training
            {
                public static Tensor Losses(Classifier model, Linear fc, Tensor x, Tensor y)
                {
                    var probabilities = nn.functional.softmax(fc.call(x), 1);
                    var a = nn.NLLLoss().call({|MG0101:probabilities|}, y);
                    var b = nn.functional.nll_loss({|MG0101:fc.call(x).softmax(-1)|}, y);
                    var c = nn.NLLLoss().call({|MG0101:model.call(x)|}, y);
                    return a + b + c;
                }
            }
            """);
        Assert.Equal("'probabilities' ends with softmax, but NLLLoss expects log-probabilities: log_softmax, not softmax",
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Single(m => m.StartsWith("'probabilities'", System.StringComparison.Ordinal)));
    }

    [Fact]
    public Task A_sigmoid_or_a_LogSoftmax_layer_before_NLLLoss_is_left_alone() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y) => nn.NLLLoss().call(torch.sigmoid(fc.call(x)), y);

            public static Tensor Logged(Tensor x, Tensor y)
            {
                var model = nn.Sequential(nn.Linear(784, 10), nn.LogSoftmax(1));
                return nn.functional.nll_loss(model.call(x), y);
            }
        }
        """);

    [Fact]
    public Task Log_softmax_before_CrossEntropyLoss_or_NLLLoss_and_softmax_before_other_losses_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static Tensor Losses(Linear fc, Tensor x, Tensor y)
            {
                var logProbabilities = fc.call(x).log_softmax(1);
                var a = nn.CrossEntropyLoss().call(logProbabilities, y);
                var b = nn.NLLLoss().call(logProbabilities, y);
                var c = nn.MSELoss().call(fc.call(x).softmax(1), y);
                var d = nn.BCELoss().call(torch.sigmoid(fc.call(x)), y);
                return a + b + c + d;
            }
        }
        """);

    [Fact]
    public Task A_softmax_in_the_middle_of_forward_and_a_conditionally_applied_softmax_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Attention : nn.Module<Tensor, Tensor>
        {
            private readonly Linear score = nn.Linear(64, 64);
            private readonly Linear output = nn.Linear(64, 10);
            public Attention() : base(nameof(Attention)) => RegisterComponents();
            public override Tensor forward(Tensor x) => output.call(score.call(x).softmax(-1) * x);
        }

        public static class Training
        {
            public static Tensor Loss(Attention model, Tensor x, Tensor y, bool probabilities)
            {
                var output = model.call(x);
                if (probabilities)
                {
                    output = output.softmax(1);
                }
                return nn.CrossEntropyLoss().call(output, y) + nn.CrossEntropyLoss().call(model.call(x), y);
            }
        }
        """);
}
