using System.Threading.Tasks;
using ModelGen.SourceGenerators.Analyzers.TorchSharp;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.CodeFixVerifier<
    ModelGen.SourceGenerators.Analyzers.TorchSharp.ActivationBeforeLogitsLossAnalyzer,
    ModelGen.CodeFixes.RemoveActivationBeforeLogitsLossFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>MG0101's fix removes the activation, whatever its form and wherever it is.</summary>
public class RemoveActivationBeforeLogitsLossFixTests
{
    [Fact]
    public Task A_Softmax_module_call_at_the_end_of_forward_in_another_file_is_replaced_by_its_input() => Verify.VerifyAsync(
        new[]
        {
            """
            public sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc = nn.Linear(784, 10);
                private readonly Softmax softmax = nn.Softmax(1);
                public Classifier() : base(nameof(Classifier)) => RegisterComponents();
                public override Tensor forward(Tensor x) => softmax.call(fc.call(x)); // probabilities
            }
            """,
            """
            public static class Training
            {
                public static Tensor Loss(Classifier model, Tensor x, Tensor y) => nn.CrossEntropyLoss().call({|MG0101:model.call(x)|}, y);
            }
            """,
        },
        new[]
        {
            """
            public sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc = nn.Linear(784, 10);
                private readonly Softmax softmax = nn.Softmax(1);
                public Classifier() : base(nameof(Classifier)) => RegisterComponents();
                public override Tensor forward(Tensor x) => fc.call(x); // probabilities
            }
            """,
            """
            public static class Training
            {
                public static Tensor Loss(Classifier model, Tensor x, Tensor y) => nn.CrossEntropyLoss().call(model.call(x), y);
            }
            """,
        });

    [Fact]
    public Task The_last_Softmax_of_a_multi_line_Sequential_is_removed_with_its_separator() => Verify.VerifyAsync(
        """
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(
                    nn.Linear(784, 10),
                    nn.Softmax(1));
                return nn.CrossEntropyLoss().call({|MG0101:model.call(x)|}, y);
            }
        }
        """,
        """
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(
                    nn.Linear(784, 10));
                return nn.CrossEntropyLoss().call(model.call(x), y);
            }
        }
        """);

    [Fact]
    public Task A_named_Softmax_tuple_element_of_a_Sequential_is_removed() => Verify.VerifyAsync(
        """
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(("fc", nn.Linear(784, 10)), ("probs", nn.Softmax(1)));
                return nn.CrossEntropyLoss().call({|MG0101:model.call(x)|}, y);
            }
        }
        """,
        """
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(("fc", nn.Linear(784, 10)));
                return nn.CrossEntropyLoss().call(model.call(x), y);
            }
        }
        """);

    [Fact]
    public Task A_tensor_softmax_is_replaced_by_its_receiver_keeping_comments() => Verify.VerifyAsync(
        """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y)
            {
                var output = /* scores */ fc.call(x).softmax(1);
                return nn.CrossEntropyLoss().call({|MG0101:output|}, y);
            }
        }
        """,
        """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y)
            {
                var output = /* scores */ fc.call(x);
                return nn.CrossEntropyLoss().call(output, y);
            }
        }
        """);

    [Fact]
    public Task Functional_softmax_and_sigmoid_are_replaced_by_their_input_even_with_named_arguments() => Verify.VerifyAsync(
        """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y) =>
                nn.functional.cross_entropy({|MG0101:nn.functional.softmax(dim: 1, input: fc.call(x))|}, y)
                + nn.functional.binary_cross_entropy_with_logits({|MG0101:torch.sigmoid(fc.call(x))|}, y);
        }
        """,
        """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y) =>
                nn.functional.cross_entropy(fc.call(x), y)
                + nn.functional.binary_cross_entropy_with_logits(fc.call(x), y);
        }
        """);

    [Fact]
    public Task Before_NLLLoss_a_softmax_method_and_a_functional_softmax_become_log_softmax_with_their_dim() => Verify.VerifyAsync(
        """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y)
            {
                var a = nn.NLLLoss().call({|MG0101:fc.call(x).softmax(1)|}, y);
                var probabilities = nn.functional.softmax(fc.call(x), dim: -1); // per class
                return a + nn.functional.nll_loss({|MG0101:probabilities|}, y);
            }
        }
        """,
        """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y)
            {
                var a = nn.NLLLoss().call(fc.call(x).log_softmax(1), y);
                var probabilities = nn.functional.log_softmax(fc.call(x), dim: -1); // per class
                return a + nn.functional.nll_loss(probabilities, y);
            }
        }
        """);

    [Fact]
    public Task Before_NLLLoss_a_Softmax_Sequential_element_becomes_LogSoftmax_and_torch_softmax_the_functional_log_softmax() => Verify.VerifyAsync(
        """
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(nn.Linear(784, 10), nn.Softmax(1));
                var criterion = nn.NLLLoss();
                return criterion.call({|MG0101:model.call(x)|}, y) + criterion.call({|MG0101:torch.softmax(x, 1)|}, y);
            }
        }
        """,
        """
        public static class Training
        {
            public static Tensor Loss(Tensor x, Tensor y)
            {
                var model = nn.Sequential(nn.Linear(784, 10), nn.LogSoftmax(1));
                var criterion = nn.NLLLoss();
                return criterion.call(model.call(x), y) + criterion.call(torch.nn.functional.log_softmax(x, 1), y);
            }
        }
        """);
}
