using System.Threading.Tasks;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.CodeFixVerifier<
    ModelGen.SourceGenerators.Analyzers.TorchSharp.ResidualProjectionAnalyzer,
    ModelGen.CodeFixes.AddProjectionShortcutFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>MG0117's fix adds a 1x1 Conv2d + BatchNorm2d projection on the shortcut, created where the block creates its layers.</summary>
public class AddProjectionShortcutFixTests
{
    [Fact]
    public Task A_block_with_field_initializers_gets_two_initialized_fields_and_a_projected_input() => Verify.VerifyAsync(
        """
        public sealed class DownBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = nn.Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
            private readonly BatchNorm2d bn1 = nn.BatchNorm2d(128);

            public DownBlock() : base(nameof(DownBlock)) => RegisterComponents();

            // conv, norm, add, relu
            public override Tensor forward(Tensor x) =>
                nn.functional.relu({|MG0117:bn1.call(conv1.call(x)) + x|} /* identity */);
        }
        """,
        """
        public sealed class DownBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = nn.Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
            private readonly BatchNorm2d bn1 = nn.BatchNorm2d(128);
            private readonly Conv2d shortcutConv = nn.Conv2d(64, 128, 1, stride: 2, bias: false);
            private readonly BatchNorm2d shortcutBn = nn.BatchNorm2d(128);

            public DownBlock() : base(nameof(DownBlock)) => RegisterComponents();

            // conv, norm, add, relu
            public override Tensor forward(Tensor x) =>
                nn.functional.relu(bn1.call(conv1.call(x)) + shortcutBn.call(shortcutConv.call(x)) /* identity */);
        }
        """);

    [Fact]
    public Task A_block_built_in_its_constructor_gets_the_layers_assigned_before_RegisterComponents() => Verify.VerifyAsync(
        """
        public sealed class WidenBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv_a;
            private readonly BatchNorm2d bn_a;

            public WidenBlock() : base(nameof(WidenBlock))
            {
                conv_a = nn.Conv2d(64, 128, 3, padding: 1);
                bn_a = nn.BatchNorm2d(128);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                var h = bn_a.call(conv_a.call(x));
                return {|MG0117:h + x|};
            }
        }
        """,
        """
        public sealed class WidenBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv_a;
            private readonly BatchNorm2d bn_a;
            private readonly Conv2d shortcut_conv;
            private readonly BatchNorm2d shortcut_bn;

            public WidenBlock() : base(nameof(WidenBlock))
            {
                conv_a = nn.Conv2d(64, 128, 3, padding: 1);
                bn_a = nn.BatchNorm2d(128);
                shortcut_conv = nn.Conv2d(64, 128, 1, stride: 1, bias: false);
                shortcut_bn = nn.BatchNorm2d(128);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                var h = bn_a.call(conv_a.call(x));
                return h + shortcut_bn.call(shortcut_conv.call(x));
            }
        }
        """);

    [Fact]
    public Task A_block_that_registers_by_name_registers_the_projection_too() => Verify.VerifyAsync(
        """
        public sealed class NamedBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv;

            public NamedBlock() : base(nameof(NamedBlock))
            {
                conv = nn.Conv2d(32, 64, 3, stride: 2, padding: 1);
                register_module("conv", conv);
            }

            public override Tensor forward(Tensor x) => {|MG0117:conv.call(x) + x|};
        }
        """,
        """
        public sealed class NamedBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv;
            private readonly Conv2d shortcutConv;
            private readonly BatchNorm2d shortcutBn;

            public NamedBlock() : base(nameof(NamedBlock))
            {
                conv = nn.Conv2d(32, 64, 3, stride: 2, padding: 1);
                register_module("conv", conv);
                shortcutConv = nn.Conv2d(32, 64, 1, stride: 2, bias: false);
                shortcutBn = nn.BatchNorm2d(64);
                register_module("shortcutConv", shortcutConv);
                register_module("shortcutBn", shortcutBn);
            }

            public override Tensor forward(Tensor x) => conv.call(x) + shortcutBn.call(shortcutConv.call(x));
        }
        """);
}
