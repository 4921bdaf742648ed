using System.Threading.Tasks;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.CodeFixVerifier<
    ModelGen.SourceGenerators.Analyzers.TorchSharp.MissingEvalAnalyzer,
    ModelGen.CodeFixes.AddEvalFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>MG0106's fix puts the model in evaluation mode right before its inference.</summary>
public class AddEvalFixTests
{
    [Fact]
    public Task Eval_is_inserted_before_the_no_grad_block_with_its_indentation() => Verify.VerifyAsync(
        """
        public static class Inference
        {
            public static Tensor Run(Tensor x)
            {
                var model = nn.Sequential(nn.Linear(784, 64), nn.Dropout(0.5), nn.Linear(64, 10));
                // predict
                using (torch.no_grad())
                {
                    return {|MG0106:model.call(x)|};
                }
            }
        }
        """,
        """
        public static class Inference
        {
            public static Tensor Run(Tensor x)
            {
                var model = nn.Sequential(nn.Linear(784, 64), nn.Dropout(0.5), nn.Linear(64, 10));
                model.eval();
                // predict
                using (torch.no_grad())
                {
                    return model.call(x);
                }
            }
        }
        """);

    [Fact]
    public Task Eval_is_inserted_before_a_using_declaration_and_before_a_plain_statement_in_a_loop() => Verify.VerifyAsync(
        """
        public sealed class Trainer
        {
            private readonly Sequential model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4));

            public void Fit(Tensor x, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    model.train();
                    model.call(x);
                    using var _ = torch.no_grad();
                    var validation = {|MG0106:model.call(x)|};
                }
            }

            public Tensor PredictFresh(Tensor x)
            {
                var fresh = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.1));
                var y = {|MG0106:fresh.call(x)|};
                return y;
            }
        }
        """,
        """
        public sealed class Trainer
        {
            private readonly Sequential model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4));

            public void Fit(Tensor x, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    model.train();
                    model.call(x);
                    model.eval();
                    using var _ = torch.no_grad();
                    var validation = model.call(x);
                }
            }

            public Tensor PredictFresh(Tensor x)
            {
                var fresh = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.1));
                fresh.eval();
                var y = fresh.call(x);
                return y;
            }
        }
        """);
}
