using System.Threading.Tasks;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.CodeFixVerifier<
    ModelGen.SourceGenerators.Analyzers.TorchSharp.AdversarialTrainingAnalyzer,
    ModelGen.CodeFixes.DetachGeneratedSamplesFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>MG0102's fix detaches the generated samples in the discriminator's step.</summary>
public class DetachGeneratedSamplesFixTests
{
    private const string Before = """
        public static class Gan
        {
            public static void Step(Sequential g, Sequential d, Tensor real, Tensor z)
            {
                var optG = optim.Adam(g.parameters());
                var optD = optim.Adam(d.parameters());
                var bce = nn.BCELoss();
                var fake = g.call(z);

                optD.zero_grad();
                var lossD = bce.call(d.call(real), torch.ones(z.shape[0], 1))
                          + bce.call(d.call(/* generated */ {|MG0102:fake|}), torch.zeros(z.shape[0], 1))
                          + bce.call(d.call({|MG0102:g.call(z) * 0.5f|}), torch.zeros(z.shape[0], 1));
                lossD.backward();
                optD.step();

                optG.zero_grad();
                var lossG = bce.call(d.call(fake), torch.ones(z.shape[0], 1));
                lossG.backward();
                optG.step();
            }
        }
        """;

    private const string After = """
        public static class Gan
        {
            public static void Step(Sequential g, Sequential d, Tensor real, Tensor z)
            {
                var optG = optim.Adam(g.parameters());
                var optD = optim.Adam(d.parameters());
                var bce = nn.BCELoss();
                var fake = g.call(z);

                optD.zero_grad();
                var lossD = bce.call(d.call(real), torch.ones(z.shape[0], 1))
                          + bce.call(d.call(/* generated */ fake.detach()), torch.zeros(z.shape[0], 1))
                          + bce.call(d.call((g.call(z) * 0.5f).detach()), torch.zeros(z.shape[0], 1));
                lossD.backward();
                optD.step();

                optG.zero_grad();
                var lossG = bce.call(d.call(fake), torch.ones(z.shape[0], 1));
                lossG.backward();
                optG.step();
            }
        }
        """;

    [Fact]
    public Task A_local_gets_detach_and_an_expression_is_parenthesised_first() => Verify.VerifyAsync(Before, After);
}
