using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0007: a [Model] class the generator cannot complete.</summary>
public class MG0007InvalidModelDeclarationTests
{
    [Fact]
    public Task A_class_that_is_not_partial_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public class {|MG0007:M|}
        {
            [{|MG0008:Linear(4)|}] public Linear Fc { get; } = null!;
        }
        """);

    [Fact]
    public Task A_model_without_inputs_is_reported() => Markup.VerifyAsync("""
        [Model]
        public partial class {|MG0007:M|}
        {
            [Linear(4)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_sequential_model_with_two_inputs_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        [Input("y", "N, 8")]
        public partial class {|MG0007:M|}
        {
            [Linear(4)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_user_written_constructor_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class {|MG0007:{|MG0007:{|MG0007:M|}|}|} : nn.Module<Tensor, Tensor>
        {
            // Three reports: the base class, the constructor, and forward, which the generated part declares.
            public M() : base("M") => throw new System.NotSupportedException();
            public override Tensor forward(Tensor x) => x;
            [Linear(4)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_nested_model_in_a_partial_class_is_silent() => Markup.VerifyAsync("""
        public static partial class Models
        {
            [Model]
            [Input("x", "N, 8")]
            internal partial class M
            {
                [Linear(4)] public partial Linear Fc { get; }
            }
        }
        """);
}
