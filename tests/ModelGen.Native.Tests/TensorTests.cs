using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Native.Tests;

// These fail with DllNotFoundException/TypeInitializationException on a host whose
// libstdc++ lacks GLIBCXX_3.4.32 unless the build patched libLibTorchSharp.so.
public class TensorTests
{
    [Fact]
    public void MatmulOfSmallMatricesIsExact()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        var b = tensor(new float[] { 7, 8, 9, 10, 11, 12 }, new long[] { 3, 2 });

        var c = a.matmul(b);

        Assert.Equal(new long[] { 2, 2 }, c.shape);
        Assert.Equal(new float[] { 58, 64, 139, 154 }, c.data<float>().ToArray());
    }

    [Fact]
    public void TrainingATinyLinearModelReducesTheLoss()
    {
        using var scope = NewDisposeScope();
        manual_seed(1234);
        // y = x·w + b with known weights, plus a little noise.
        var x = randn(256, 4);
        var trueW = tensor(new float[] { 2f, -3f, 0.5f, 1f }, new long[] { 4, 1 });
        var y = x.matmul(trueW) + 0.7f + 0.01f * randn(256, 1);

        var model = nn.Linear(4, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var lossFn = nn.MSELoss();

        float first = 0, last = 0;
        for (int step = 0; step < 100; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = lossFn.forward(model.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            if (step == 0) first = last;
        }

        Assert.True(first > 1f, $"initial loss {first} should be large for random weights");
        Assert.True(last < first / 100, $"loss went from {first} to {last}");
        Assert.True(last < 0.01f, $"final loss {last} should be near the noise floor");
    }
}
