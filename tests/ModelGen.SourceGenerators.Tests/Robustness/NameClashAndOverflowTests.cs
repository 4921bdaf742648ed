using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Robustness;

/// <summary>Regressions found by fuzzing: user names that shadow torch's, and sizes that overflow.</summary>
public class NameClashAndOverflowTests
{
    [Fact]
    public void A_user_type_named_torch_does_not_break_the_generated_code()
    {
        // Fuzz: a class renamed 'torch' made the generated torch.no_grad() bind to it.
        var (_, output) = TestCompilation.Generate(Markup.Usings + """
            namespace Clash;

            public class torch { }

            [Model]
            [Input("x", "N, 4")]
            public partial class M
            {
                [Linear(2)] public partial Linear Fc { get; }
            }
            """);
        Assert.Empty(TestCompilation.Errors(output));
    }

    [Fact]
    public async Task Size_arithmetic_that_overflows_is_a_diagnostic_not_a_crash()
    {
        // Fuzz seed 1696: a size literal near long.MaxValue overflowed the engine's checked arithmetic.
        var diagnostics = await TestCompilation.AnalyzeAsync(Markup.Usings + """
            [Model]
            [Input("x", "N, 4")]
            public partial class M
            {
                [Linear(2)] public partial Linear Fc { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    long n = x.shape[0] * 9999999999L * 9999999999L;
                    return Fc.call(x.view(n, 4));
                }
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == "MG0007" && d.GetMessage().Contains("overflow"));
    }
}
