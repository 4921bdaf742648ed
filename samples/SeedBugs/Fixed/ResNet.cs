// Seed Q15 (line 616), fixed: the block always adds its input, through a projection (1x1 conv with the
// block's stride + batch norm) when the block changes width or resolution.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? projection;

    public BasicBlock(long inChannels, long outChannels, long stride) : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
        {
            projection = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = nn.functional.relu(bn1.call(conv1.call(x)));
        h = bn2.call(conv2.call(h));
        var shortcut = projection is null ? x : projection.call(x);
        return nn.functional.relu(h + shortcut);
    }
}

public sealed class DownBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
    private readonly BatchNorm2d bn1 = nn.BatchNorm2d(128);
    private readonly Conv2d conv2 = nn.Conv2d(128, 128, 3, padding: 1, bias: false);
    private readonly BatchNorm2d bn2 = nn.BatchNorm2d(128);
    private readonly Conv2d shortcutConv = nn.Conv2d(64, 128, 1, stride: 2, bias: false);
    private readonly BatchNorm2d shortcutBn = nn.BatchNorm2d(128);

    public DownBlock() : base(nameof(DownBlock)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        nn.functional.relu(bn2.call(conv2.call(nn.functional.relu(bn1.call(conv1.call(x))))) + shortcutBn.call(shortcutConv.call(x)));
}

public static class ResNet
{
    public static Sequential Build() =>
        nn.Sequential(
            nn.Conv2d(3, 64, 7, stride: 2, padding: 3),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            new BasicBlock(64, 64, 1),
            new BasicBlock(64, 128, 2),
            new BasicBlock(128, 256, 2),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
            nn.Linear(256, 10));
}

/// <summary>The seed's block with the add unconditional and the second activation after it, as ResNet v1 has it.</summary>
public sealed class SeedOrderBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly BatchNorm2d bn1 = nn.BatchNorm2d(64);
    private readonly Conv2d conv2 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly BatchNorm2d bn2 = nn.BatchNorm2d(64);

    public SeedOrderBlock() : base(nameof(SeedOrderBlock)) => RegisterComponents();

    public override Tensor forward(Tensor inputs)
    {
        var x = nn.functional.relu(bn1.call(conv1.call(inputs)));
        x = bn2.call(conv2.call(x));
        return nn.functional.relu(inputs + x);
    }
}
