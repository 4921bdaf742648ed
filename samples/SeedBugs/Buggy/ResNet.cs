// Seed Q15 (line 616), lines 645-703, repeated in Q22 and Q29. ResidualBlock.call adds its input only when
// the channel counts differ and otherwise returns the conv path alone (residual-inverted, lines 664-667).
// The network changes width 64 -> 128 -> 256 with stride 2 (lines 691, 698); a block that does that itself
// needs a projection shortcut (residual-projection).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;

    public ResidualBlock(long filters) : base(nameof(ResidualBlock))
    {
        conv1 = nn.Conv2d(filters, filters, 3, padding: 1);
        bn1 = nn.BatchNorm2d(filters);
        conv2 = nn.Conv2d(filters, filters, 3, padding: 1);
        bn2 = nn.BatchNorm2d(filters);
        RegisterComponents();
    }

    public override Tensor forward(Tensor inputs)
    {
        var x = nn.functional.relu(bn1.call(conv1.call(inputs)));
        x = nn.functional.relu(bn2.call(conv2.call(x)));
        if (inputs.shape[1] != x.shape[1])
        {
            inputs = inputs + x;                                                  // MG0116
        }
        else
        {
            inputs = x;                                                           // MG0115
        }
        return inputs;
    }
}

/// <summary>A block that changes width and resolution itself, as ResNet's stage transitions do.</summary>
public sealed class DownBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
    private readonly BatchNorm2d bn1 = nn.BatchNorm2d(128);
    private readonly Conv2d conv2 = nn.Conv2d(128, 128, 3, padding: 1, bias: false);
    private readonly BatchNorm2d bn2 = nn.BatchNorm2d(128);

    public DownBlock() : base(nameof(DownBlock)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        nn.functional.relu(bn2.call(conv2.call(nn.functional.relu(bn1.call(conv1.call(x))))) + x);    // MG0117
}

/// <summary>The same block sized by its constructor, as the seed's ResidualBlock(filters) is.</summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;

    public BasicBlock(long inChannels, long outChannels, long stride) : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = nn.functional.relu(bn1.call(conv1.call(x)));
        h = bn2.call(conv2.call(h));
        return nn.functional.relu(h + x);
    }
}

public static class ResNet
{
    public static Sequential Build() =>
        nn.Sequential(
            nn.Conv2d(3, 64, 7, stride: 2, padding: 3),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            new BasicBlock(64, 64, 1),
            new BasicBlock(64, 128, 2),                                           // MG0117
            new BasicBlock(128, 256, 2),                                          // MG0117
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
            nn.Linear(256, 10));
}

/// <summary>
/// The seed's block with its add made unconditional (line 665) but its second activation still applied before
/// the add (lines 661-662): ResNet v1 applies it after the add (residual-activation-order).
/// </summary>
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
        x = nn.functional.relu(bn2.call(conv2.call(x)));
        return inputs + x;                                                        // MG0118
    }
}
