using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>MG0106: a model with BatchNorm or Dropout used for inference while certainly in training mode (the seed's Q11/Q12: BatchNorm and Dropout behave differently at inference).</summary>
public class MG0106MissingEvalTests
{
    private const string Net = """
        public sealed class ConvBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(1, 8, 3, padding: 1);
            private readonly BatchNorm2d bn = nn.BatchNorm2d(8);
            public ConvBlock() : base(nameof(ConvBlock)) => RegisterComponents();
            public override Tensor forward(Tensor x) => bn.call(conv.call(x)).relu();
        }

        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly ConvBlock block = new ConvBlock();
            private readonly Linear fc = nn.Linear(8 * 28 * 28, 10);
            public Net() : base(nameof(Net)) => RegisterComponents();
            public override Tensor forward(Tensor x) => fc.call(block.call(x).flatten(1));
        }

        """;

    [Fact]
    public async Task A_fresh_Sequential_with_Dropout_run_under_no_grad_is_reported()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public static class Inference
            {
                public static Tensor Run(Tensor x)
                {
                    var model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 10));
                    using (torch.no_grad())
                    {
                        return {|MG0106:model.call(x)|};
                    }
                }
            }
            """);
        Assert.Equal("'model.call(x)' runs 'model' for inference while it is in training mode, so its Dropout behave as in training; call model.eval() first",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Validation_after_optimizer_steps_in_the_same_method_is_reported_through_a_nested_block() => TorchSharpVerifier.VerifyAsync(Net + """
        public static class Training
        {
            public static double Fit(Net model, Tensor x, Tensor y, Tensor xVal)
            {
                var optimizer = optim.Adam(model.parameters());
                var loss = nn.CrossEntropyLoss();
                optimizer.zero_grad();
                loss.call(model.call(x), y).backward();
                optimizer.step();

                using var noGrad = torch.no_grad();
                var predictions = {|MG0106:model.forward(xVal)|}.argmax(1);
                return predictions.sum().item<long>();
            }
        }
        """);

    [Fact]
    public Task Validation_in_an_epoch_loop_that_calls_train_is_reported() => TorchSharpVerifier.VerifyAsync(Net + """
        public sealed class Trainer
        {
            private readonly Net model = new Net();

            public void Fit(Tensor x, Tensor y, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    using (torch.no_grad())
                    {
                        var validation = {|MG0106:model.call(x)|};
                    }
                    model.train();
                    var output = model.call(x);
                }
            }
        }
        """);

    [Fact]
    public Task A_fresh_model_in_a_method_named_for_prediction_is_reported() => TorchSharpVerifier.VerifyAsync(Net + """
        public static class Api
        {
            public static Tensor PredictDigits(Tensor images)
            {
                var net = new Net();
                return {|MG0106:net.call(images)|}.argmax(1);
            }
        }
        """);

    [Fact]
    public Task Inference_after_eval_or_train_false_is_silent() => TorchSharpVerifier.VerifyAsync(Net + """
        public static class Inference
        {
            public static void Run(Tensor x)
            {
                var a = new Net();
                a.eval();
                using (torch.no_grad())
                {
                    a.call(x);
                }
                var b = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.2));
                b.train(false);
                using (torch.inference_mode())
                {
                    b.call(x);
                }
                var c = new Net();
                for (int epoch = 0; epoch < 3; epoch++)
                {
                    c.train();
                    c.call(x);
                    c.eval();
                    using (torch.no_grad())
                    {
                        c.call(x);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_model_whose_mode_the_method_cannot_know_is_silent() => TorchSharpVerifier.VerifyAsync(Net + """
        public static class Inference
        {
            public static Tensor Evaluate(Net model, Tensor x)
            {
                using (torch.no_grad())
                {
                    return model.call(x);
                }
            }

            public static Tensor Prepared(Tensor x, bool finetune)
            {
                var model = new Net();
                Prepare(model);
                using (torch.no_grad())
                {
                    model.call(x);
                }
                var other = new Net();
                other.eval();
                if (finetune)
                {
                    other.train();
                }
                using (torch.no_grad())
                {
                    return other.call(x);
                }
            }

            private static void Prepare(Net model) => model.eval();
        }
        """);

    [Fact]
    public Task A_model_without_BatchNorm_or_Dropout_is_silent() => TorchSharpVerifier.VerifyAsync("""
        public static class Inference
        {
            public static Tensor Predict(Tensor x)
            {
                var model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10));
                using (torch.no_grad())
                {
                    return model.call(x);
                }
            }
        }
        """);

    [Fact]
    public Task Training_calls_in_a_method_named_TrainAndEvaluate_are_not_inference() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static void TrainAndEvaluate(Tensor x, Tensor y)
            {
                var model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5));
                var optimizer = optim.Adam(model.parameters());
                model.train();
                nn.MSELoss().call(model.call(x), y).backward();
                optimizer.step();
                model.eval();
                using (torch.no_grad())
                {
                    model.call(x);
                }
            }
        }
        """);

    [Fact]
    public Task A_parameter_model_trained_in_a_loop_then_validated_is_reported() => TorchSharpVerifier.VerifyAsync(Net + """
        public static class Training
        {
            public static long Fit(Net model, Tensor x, Tensor y, int epochs)
            {
                var optimizer = optim.SGD(model.parameters(), 0.1);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    optimizer.zero_grad();
                    nn.CrossEntropyLoss().call(model.call(x), y).backward();
                    optimizer.step();
                }
                using (torch.no_grad())
                {
                    return {|MG0106:model.call(x)|}.argmax(1).sum().item<long>();
                }
            }
        }
        """);
}
