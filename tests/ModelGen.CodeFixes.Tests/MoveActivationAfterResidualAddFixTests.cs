using System.Threading.Tasks;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.CodeFixVerifier<
    ModelGen.SourceGenerators.Analyzers.TorchSharp.ActivationBeforeResidualAddAnalyzer,
    ModelGen.CodeFixes.MoveActivationAfterResidualAddFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>MG0118's fix moves the ReLU after the residual add, in each of its forms, keeping comments and layout.</summary>
public class MoveActivationAfterResidualAddFixTests
{
    private const string Layers = """
            private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
            private readonly BatchNorm2d bn = nn.BatchNorm2d(64);
            private readonly ReLU relu = nn.ReLU();
        """;

    [Fact]
    public Task A_functional_relu_before_the_add_wraps_the_add() => Verify.VerifyAsync(
        Block("""
                var h = bn.call(conv.call(x));
                return /* v1 */ {|MG0118:nn.functional.relu(h) + x|}; // block output
        """),
        Block("""
                var h = bn.call(conv.call(x));
                return /* v1 */ nn.functional.relu(h + x); // block output
        """));

    [Fact]
    public Task A_relu_method_gets_the_sum_as_its_receiver_in_parentheses() => Verify.VerifyAsync(
        Block("""
                return {|MG0118:x + bn.call(conv.call(x)).relu()|};
        """),
        Block("""
                return (x + bn.call(conv.call(x))).relu();
        """));

    [Fact]
    public Task A_ReLU_module_call_before_an_add_method_takes_the_add() => Verify.VerifyAsync(
        Block("""
                return {|MG0118:relu.call(bn.call(conv.call(x))).add(x)|};
        """),
        Block("""
                return relu.call(bn.call(conv.call(x)).add(x));
        """));

    private static string Block(string body) => $$"""
        public sealed class Block : nn.Module<Tensor, Tensor>
        {
        {{Layers}}
            public Block() : base(nameof(Block)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
        {{body}}
            }
        }
        """;
}
