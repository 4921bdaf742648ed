using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks.HandWritten;

/// <summary>The runtime tests' BasicBlock by hand: two 3x3 convolutions with batch norm and an identity shortcut.</summary>
internal sealed class HandBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;

    public HandBasicBlock(long filters) : base(nameof(HandBasicBlock))
    {
        conv1 = nn.Conv2d(filters, filters, 3, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(filters);
        conv2 = nn.Conv2d(filters, filters, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(filters);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = nn.functional.relu(bn1.call(conv1.call(x)));
        h = bn2.call(conv2.call(h));
        return nn.functional.relu(h + x);
    }
}

/// <summary>The runtime tests' DownsampleBlock by hand: stride 2, wider, with a 1x1 projection on the shortcut.</summary>
internal sealed class HandDownsampleBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d projection;
    private readonly BatchNorm2d projection_bn;

    public HandDownsampleBlock(long inChannels, long filters) : base(nameof(HandDownsampleBlock))
    {
        conv1 = nn.Conv2d(inChannels, filters, 3, stride: 2, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(filters);
        conv2 = nn.Conv2d(filters, filters, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(filters);
        projection = nn.Conv2d(inChannels, filters, 1, stride: 2, bias: false);
        projection_bn = nn.BatchNorm2d(filters);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = nn.functional.relu(bn1.call(conv1.call(x)));
        h = bn2.call(conv2.call(h));
        return nn.functional.relu(h + projection_bn.call(projection.call(x)));
    }
}

/// <summary>The runtime tests' SmallResNet by hand: a stem, blocks at 16, 32 and 64 channels, global pooling, a classifier.</summary>
internal sealed class HandSmallResNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d stem = nn.Conv2d(1, 16, 3, padding: 1, bias: false);
    private readonly BatchNorm2d stem_bn = nn.BatchNorm2d(16);
    private readonly HandBasicBlock stage1 = new(16);
    private readonly HandDownsampleBlock stage2 = new(16, 32);
    private readonly HandBasicBlock stage2b = new(32);
    private readonly HandDownsampleBlock stage3 = new(32, 64);
    private readonly AdaptiveAvgPool2d pool = nn.AdaptiveAvgPool2d(new long[] { 1, 1 });
    private readonly Flatten flatten = nn.Flatten();
    private readonly Linear fc = nn.Linear(64, 10);

    public HandSmallResNet() : base(nameof(HandSmallResNet)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var h = nn.functional.relu(stem_bn.call(stem.call(x)));
        h = stage3.call(stage2b.call(stage2.call(stage1.call(h))));
        return fc.call(flatten.call(pool.call(h)));
    }
}
