// Seed Q3 (line 77), lines 94-120, repeated in Q10, Q18, Q25. The generator is Dense(256, input (100,)),
// Flatten, Reshape((28, 28, 1)): 256 values cannot fill 784 pixels (reshape-count) and the Flatten does
// nothing (flatten-noop). The discriminator is Flatten, Dense(128), Dense(1, sigmoid). Both are stacked
// and fitted as one model with one optimizer (gan-training); below, the usual TorchSharp ports of that step.
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public sealed class Generator : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense = nn.Linear(100, 256);

    public Generator() : base(nameof(Generator)) => RegisterComponents();

    public override Tensor forward(Tensor z)
    {
        var h = dense.call(z.reshape(-1, 100)).relu();    // Dense(units=256, activation='relu', input_shape=(100,))
        h = h.flatten(1);                                  // MG0113: Flatten() of [N, 256]
        return h.view(-1, 1, 28, 28);                      // MG0114: Reshape((28, 28, 1)) of 256 values
    }
}

public static class Gan
{
    /// <summary>The generator written as the seed's Sequential.</summary>
    public static Sequential SequentialGenerator() =>
        nn.Sequential(
            nn.Linear(100, 256),
            nn.ReLU(),
            nn.Flatten(),
            nn.Unflatten(1, new long[] { 1, 28, 28 }));    // MG0114

    public static Sequential Discriminator() =>
        nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid());

    /// <summary>Alternating steps, but the discriminator's loss reaches the generator.</summary>
    public static void TrainStep(Generator generator, Sequential discriminator, Tensor real)
    {
        var optG = optim.Adam(generator.parameters(), 2e-4);
        var optD = optim.Adam(discriminator.parameters(), 2e-4);
        var bce = nn.BCELoss();
        long n = real.shape[0];
        var fake = generator.call(torch.randn(n, 100));

        optD.zero_grad();
        var lossD = bce.call(discriminator.call(real), torch.ones(n, 1))
                  + bce.call(discriminator.call(fake), torch.zeros(n, 1));    // MG0102
        lossD.backward();
        optD.step();

        optG.zero_grad();
        var lossG = bce.call(discriminator.call(fake), torch.ones(n, 1));
        lossG.backward();
        optG.step();
    }

    /// <summary>The seed's single compiled model: one optimizer over both networks.</summary>
    public static void TrainStacked(Generator generator, Sequential discriminator, Tensor real)
    {
        var optimizer = optim.Adam(generator.parameters().Concat(discriminator.parameters()));    // MG0103
        var bce = nn.BCELoss();
        long n = real.shape[0];
        var fake = generator.call(torch.randn(n, 100));

        optimizer.zero_grad();
        var lossD = bce.call(discriminator.call(real), torch.ones(n, 1))
                  + bce.call(discriminator.call(fake.detach()), torch.zeros(n, 1));
        lossD.backward();
        optimizer.step();

        optimizer.zero_grad();
        var lossG = bce.call(discriminator.call(fake), torch.ones(n, 1));
        lossG.backward();
        optimizer.step();
    }
}
