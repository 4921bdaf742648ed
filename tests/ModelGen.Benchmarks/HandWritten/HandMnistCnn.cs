using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks.HandWritten;

/// <summary>samples/MnistCnn written by hand in idiomatic TorchSharp: fields registered by RegisterComponents, forward spelled out.</summary>
internal sealed class HandMnistCnn : nn.Module<Tensor, Tensor>
{
    // Field names are the state-dict names, so the generated model's weights load as they are.
    private readonly Conv2d conv1 = nn.Conv2d(1, 32, 3);
    private readonly MaxPool2d pool = nn.MaxPool2d(2);
    private readonly Flatten flatten = nn.Flatten();
    private readonly Linear fc = nn.Linear(32 * 13 * 13, 10);

    public HandMnistCnn() : base(nameof(HandMnistCnn)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var h = nn.functional.relu(conv1.call(x));
        h = pool.call(h);
        h = flatten.call(h);
        return fc.call(h);
    }
}
