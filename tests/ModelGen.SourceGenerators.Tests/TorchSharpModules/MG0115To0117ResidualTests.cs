using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// MG0115-MG0117: residual blocks written by hand (the seed's ResidualBlock, Q15 line 664, Q22 1037, Q29 1410,
/// and its 64/128/256-channel stages).
/// </summary>
public class MG0115To0117ResidualTests
{
    [Fact]
    public async Task The_seeds_inverted_residual_as_a_ternary_reports_the_add_and_the_lost_skip()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1 = nn.Conv2d(64, 64, 3, padding: 1);
                private readonly BatchNorm2d bn1 = nn.BatchNorm2d(64);
                private readonly Conv2d conv2 = nn.Conv2d(64, 64, 3, padding: 1);
                private readonly BatchNorm2d bn2 = nn.BatchNorm2d(64);
                public ResidualBlock() : base(nameof(ResidualBlock)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    var h = bn2.call(conv2.call(nn.functional.relu(bn1.call(conv1.call(x)))));
                    h = h.relu();
                    bool shapesDiffer = x.shape[1] != h.shape[1];
                    return shapesDiffer ? {|MG0116:h + x|} : {|MG0115:h|};
                }
            }
            """);
        Assert.Equal("When the shapes match, the block returns 'h' and its input 'x' never reaches the output: the skip connection is lost",
            Assert.Single(diagnostics, d => d.Id == "MG0115").GetMessage());
    }

    [Fact]
    public Task The_literal_if_else_port_with_assignments_and_a_SequenceEqual_test_are_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential path = nn.Sequential(nn.Conv2d(32, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU());
            public ResidualBlock() : base(nameof(ResidualBlock)) => RegisterComponents();

            public override Tensor forward(Tensor inputs)
            {
                var x = path.call(inputs);
                Tensor output;
                if (inputs.size(1) != x.size(1))
                {
                    output = {|MG0116:inputs.add(x)|};
                }
                else
                {
                    output = {|MG0115:x|};
                }
                return output;
            }
        }

        public sealed class OtherBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(32, 32, 3, padding: 1);
            public OtherBlock() : base(nameof(OtherBlock)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
                var h = conv.call(x);
                if (!x.shape.SequenceEqual(h.shape))
                {
                    return {|MG0116:torch.add(h, x)|};
                }
                return {|MG0115:h.relu()|};
            }
        }
        """);

    [Fact]
    public Task A_correct_residual_and_a_shape_tested_projection_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Block : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = nn.Conv2d(64, 64, 3, padding: 1, bias: false);
            private readonly BatchNorm2d bn1 = nn.BatchNorm2d(64);
            private readonly Conv2d project = nn.Conv2d(64, 64, 1);
            public Block() : base(nameof(Block)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
                var h = bn1.call(conv1.call(x));
                var shortcut = x;
                if (x.shape[1] != h.shape[1])
                {
                    shortcut = project.call(x);
                }
                return (h + shortcut).relu() + (h + x).relu();
            }
        }
        """);

    [Fact]
    public async Task A_block_that_doubles_channels_with_stride_two_and_adds_its_input_is_reported_with_both_shapes()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class DownBlock : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1 = nn.Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
                private readonly BatchNorm2d bn1 = nn.BatchNorm2d(128);
                private readonly Conv2d conv2 = nn.Conv2d(128, 128, 3, padding: 1, bias: false);
                private readonly BatchNorm2d bn2 = nn.BatchNorm2d(128);
                public DownBlock() : base(nameof(DownBlock)) => RegisterComponents();

                public override Tensor forward(Tensor x) =>
                    nn.functional.relu({|MG0117:bn2.call(conv2.call(nn.functional.relu(bn1.call(conv1.call(x))))) + x|});
            }
            """);
        Assert.Equal(
            "'bn2.call(conv2.call(nn.functional.relu(bn1.call(conv1.call(x))))) + x' adds the block's input 'x' [N, 64, H, W] to its convolution path [N, 128, (H + 1) / 2, (W + 1) / 2], which changes the channels (64 to 128) and the spatial size (stride 2); project the shortcut with a 1x1 Conv2d(64, 128, 1, stride: 2) and a BatchNorm2d(128) on 'x'",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task A_channel_change_with_layers_assigned_in_the_constructor_and_an_in_place_add_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class WidenBlock : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv;
            private readonly BatchNorm2d bn;
            public WidenBlock() : base(nameof(WidenBlock))
            {
                conv = nn.Conv2d(64, 128, 3, padding: 1);
                bn = nn.BatchNorm2d(128);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                var h = bn.call(conv.call(x));
                return {|MG0117:h.add_(x)|}.relu_();
            }
        }
        """);

    [Fact]
    public Task A_block_sized_by_constructor_parameters_is_checked_at_each_construction() => TorchSharpVerifier.VerifyAsync("""
        public sealed class ResNet : nn.Module<Tensor, Tensor>
        {
            private sealed class BasicBlock : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1;
                private readonly BatchNorm2d bn1;
                private readonly Conv2d conv2;
                private readonly BatchNorm2d bn2;

                public BasicBlock(int inChannels, int outChannels, int stride) : base(nameof(BasicBlock))
                {
                    conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
                    bn1 = nn.BatchNorm2d(outChannels);
                    conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
                    bn2 = nn.BatchNorm2d(outChannels);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    var h = bn1.call(conv1.call(x)).relu();
                    h = bn2.call(conv2.call(h));
                    return (h + x).relu();
                }
            }

            private readonly Sequential stages;

            public ResNet(int width) : base(nameof(ResNet))
            {
                stages = nn.Sequential(
                    new BasicBlock(64, 64, 1),
                    {|MG0117:new BasicBlock(64, 128, 2)|},
                    new BasicBlock(128, 128, 1),
                    {|MG0117:new BasicBlock(128, 256, 1)|},
                    new BasicBlock(width, width, 1));
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => stages.call(x);
        }
        """);

    [Fact]
    public Task Identity_blocks_projected_shortcuts_and_optional_downsampling_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Same : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
            public Same() : base(nameof(Same)) => RegisterComponents();
            public override Tensor forward(Tensor x) => (conv.call(x) + x).relu();
        }

        public sealed class Projected : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(64, 128, 3, stride: 2, padding: 1);
            private readonly Sequential shortcut = nn.Sequential(nn.Conv2d(64, 128, 1, stride: 2, bias: false), nn.BatchNorm2d(128));
            public Projected() : base(nameof(Projected)) => RegisterComponents();
            public override Tensor forward(Tensor x) => (conv.call(x) + shortcut.call(x)).relu();
        }

        public sealed class Optional : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv;
            private readonly nn.Module<Tensor, Tensor>? downsample;
            public Optional(int inChannels, int outChannels, int stride) : base(nameof(Optional))
            {
                conv = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1);
                if (stride != 1 || inChannels != outChannels)
                {
                    downsample = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride), nn.BatchNorm2d(outChannels));
                }
                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                var identity = x;
                if (downsample is not null)
                {
                    identity = downsample.call(x);
                }
                return (conv.call(x) + identity).relu();
            }

            public static Optional Make() => new Optional(64, 128, 2);
        }
        """);
}
