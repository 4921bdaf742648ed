using static TorchSharp.torch;

namespace ModelGen.Benchmarks.HandWritten;

/// <summary>A training step as written by hand: what the generated TrainStep does, spelled out, without a dispose scope of its own.</summary>
internal static class HandTrainStep
{
    public static float Run(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss, Tensor x, Tensor y)
    {
        model.train();
        optimizer.zero_grad();
        var value = loss.call(model.call(x), y);
        value.backward();
        optimizer.step();
        return value.item<float>();
    }
}
