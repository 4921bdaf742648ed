// Seed Q3 (line 77), fixed: the generator outputs 784 = 1x28x28 values with no Flatten, and each network
// has its own optimizer; the discriminator's step sees detached samples.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public sealed class Generator : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden = nn.Linear(100, 256);
    private readonly Linear pixels = nn.Linear(256, 784);

    public Generator() : base(nameof(Generator)) => RegisterComponents();

    public override Tensor forward(Tensor z)
    {
        var h = hidden.call(z.reshape(-1, 100)).relu();
        return pixels.call(h).tanh().view(-1, 1, 28, 28);
    }
}

public static class Gan
{
    public static Sequential SequentialGenerator() =>
        nn.Sequential(
            nn.Linear(100, 256),
            nn.ReLU(),
            nn.Linear(256, 784),
            nn.Tanh(),
            nn.Unflatten(1, new long[] { 1, 28, 28 }));

    public static Sequential Discriminator() =>
        nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid());

    public static void TrainStep(Generator generator, Sequential discriminator, Tensor real)
    {
        var optG = optim.Adam(generator.parameters(), 2e-4);
        var optD = optim.Adam(discriminator.parameters(), 2e-4);
        var bce = nn.BCELoss();
        long n = real.shape[0];
        var fake = generator.call(torch.randn(n, 100));

        optD.zero_grad();
        var lossD = bce.call(discriminator.call(real), torch.ones(n, 1))
                  + bce.call(discriminator.call(fake.detach()), torch.zeros(n, 1));
        lossD.backward();
        optD.step();

        optG.zero_grad();
        var lossG = bce.call(discriminator.call(fake), torch.ones(n, 1));
        lossG.backward();
        optG.step();
    }
}
