using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// MG0102 (discriminator loss on generated samples not detached) and MG0103 (an optimizer that steps the
/// other network): the seed's GAN (Q3/Q10/Q18/Q25) trained the way torch needs, and the usual slips.
/// </summary>
public class MG0102MG0103AdversarialTrainingTests
{
    private const string Networks = """
        public static class Nets
        {
            public static Sequential Generator() => nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Linear(256, 784), nn.Tanh());
            public static Sequential Discriminator() => nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid());
        }

        """;

    [Fact]
    public Task A_discriminator_step_on_generated_samples_without_detach_is_reported() => TorchSharpVerifier.VerifyAsync(Networks + """
        public static class Gan
        {
            public static void Train(Tensor[] batches)
            {
                var generator = Nets.Generator();
                var discriminator = Nets.Discriminator();
                var optG = optim.Adam(generator.parameters(), 2e-4);
                var optD = optim.Adam(discriminator.parameters(), 2e-4);
                var bce = nn.BCELoss();
                foreach (var real in batches)
                {
                    var z = torch.randn(real.shape[0], 100);
                    var fake = generator.call(z);

                    optD.zero_grad();
                    var lossD = bce.call(discriminator.call(real), torch.ones(real.shape[0], 1))
                              + bce.call(discriminator.call({|MG0102:fake|}), torch.zeros(real.shape[0], 1));
                    lossD.backward();
                    optD.step();

                    optG.zero_grad();
                    var lossG = bce.call(discriminator.call(fake), torch.ones(real.shape[0], 1));
                    lossG.backward();
                    optG.step();
                }
            }
        }
        """);

    [Fact]
    public Task An_inline_generator_call_in_a_separate_fake_pass_of_a_trainer_with_field_networks_is_reported() => TorchSharpVerifier.VerifyAsync(Networks + """
        public sealed class GanTrainer
        {
            private readonly Sequential g = Nets.Generator();
            private readonly Sequential d = Nets.Discriminator();
            private readonly torch.optim.Optimizer optG;
            private readonly torch.optim.Optimizer optD;

            public GanTrainer()
            {
                optG = optim.Adam(g.parameters());
                optD = optim.Adam(d.parameters());
            }

            public void Step(Tensor real, Tensor z)
            {
                optD.zero_grad();
                nn.functional.binary_cross_entropy(d.call(real), torch.ones_like(real)).backward();
                nn.functional.binary_cross_entropy(d.call({|MG0102:g.call(z)|}), torch.zeros(z.shape[0], 1)).backward();
                optD.step();

                optG.zero_grad();
                nn.functional.binary_cross_entropy(d.call(g.call(z)), torch.ones(z.shape[0], 1)).backward();
                optG.step();
            }
        }
        """);

    [Fact]
    public Task Detached_samples_and_samples_generated_under_no_grad_are_silent() => TorchSharpVerifier.VerifyAsync(Networks + """
        public static class Gan
        {
            public static void Step(Sequential generator, Sequential discriminator, Tensor real, Tensor z, bool fresh)
            {
                var optG = optim.Adam(generator.parameters());
                var optD = optim.Adam(discriminator.parameters());
                var bce = nn.BCELoss();
                Tensor sample;
                using (torch.no_grad())
                {
                    sample = generator.call(z);
                }
                var fake = generator.call(z);

                optD.zero_grad();
                var lossD = bce.call(discriminator.call(real), torch.ones(z.shape[0], 1))
                          + bce.call(discriminator.call(fake.detach()), torch.zeros(z.shape[0], 1))
                          + bce.call(discriminator.call(sample), torch.zeros(z.shape[0], 1));
                lossD.backward();
                optD.step();

                optG.zero_grad();
                var lossG = bce.call(discriminator.call(fake), torch.ones(z.shape[0], 1));
                lossG.backward();
                optG.step();
            }
        }
        """);

    [Fact]
    public Task An_autoencoder_trained_end_to_end_with_one_or_two_optimizers_is_silent() => TorchSharpVerifier.VerifyAsync("""
        public static class AutoEncoder
        {
            public static void Train(Tensor x)
            {
                var encoder = nn.Sequential(nn.Linear(784, 32), nn.ReLU());
                var decoder = nn.Sequential(nn.Linear(32, 784), nn.Sigmoid());
                var both = optim.Adam(encoder.parameters().Concat(decoder.parameters()));
                var loss = nn.MSELoss().call(decoder.call(encoder.call(x)), x);
                loss.backward();
                both.step();

                var optE = optim.Adam(encoder.parameters());
                var optD = optim.Adam(decoder.parameters());
                var again = nn.MSELoss().call(decoder.call(encoder.call(x)), x);
                again.backward();
                optE.step();
                optD.step();
            }
        }
        """);

    [Fact]
    public Task One_optimizer_over_both_networks_is_reported_where_it_is_created() => TorchSharpVerifier.VerifyAsync(Networks + """
        public static class Gan
        {
            public static void Step(Tensor real, Tensor z)
            {
                var g = Nets.Generator();
                var d = Nets.Discriminator();
                var optimizer = {|MG0103:optim.Adam(g.parameters().Concat(d.parameters()), 2e-4)|};
                var bce = nn.BCELoss();

                var fake = g.call(z);
                optimizer.zero_grad();
                var lossD = bce.call(d.call(real), torch.ones(z.shape[0], 1)) + bce.call(d.call(fake.detach()), torch.zeros(z.shape[0], 1));
                lossD.backward();
                optimizer.step();

                optimizer.zero_grad();
                var lossG = bce.call(d.call(fake), torch.ones(z.shape[0], 1));
                lossG.backward();
                optimizer.step();
            }
        }
        """);

    [Fact]
    public Task Stepping_the_discriminator_optimizer_after_the_generator_loss_is_reported_at_the_step() => TorchSharpVerifier.VerifyAsync(Networks + """
        public static class Gan
        {
            public static void Step(Sequential g, Sequential d, Tensor real, Tensor z)
            {
                var optG = optim.Adam(g.parameters());
                var optD = optim.Adam(d.parameters());
                var bce = nn.BCELoss();
                var fake = g.call(z);

                optD.zero_grad();
                var lossD = bce.call(d.call(real), torch.ones(z.shape[0], 1)) + bce.call(d.call(fake.detach()), torch.zeros(z.shape[0], 1));
                lossD.backward();
                optD.step();

                optG.zero_grad();
                var lossG = bce.call(d.call(fake), torch.ones(z.shape[0], 1));
                lossG.backward();
                {|MG0103:optD.step()|};
            }
        }
        """);

    [Fact]
    public Task An_optimizer_over_a_Sequential_stacking_generator_and_discriminator_is_reported() => TorchSharpVerifier.VerifyAsync(Networks + """
        public static class Gan
        {
            public static void Train(Tensor real, Tensor z)
            {
                var generator = Nets.Generator();
                var discriminator = Nets.Discriminator();
                var gan = nn.Sequential(generator, discriminator);
                var optD = optim.Adam(discriminator.parameters());
                var optGan = {|MG0103:optim.Adam(gan.parameters())|};
                var bce = nn.BCELoss();

                optD.zero_grad();
                var lossD = bce.call(discriminator.call(real), torch.ones(z.shape[0], 1))
                          + bce.call(discriminator.call(generator.call(z).detach()), torch.zeros(z.shape[0], 1));
                lossD.backward();
                optD.step();

                optGan.zero_grad();
                var lossG = bce.call(gan.call(z), torch.ones(z.shape[0], 1));
                lossG.backward();
                optGan.step();
            }
        }
        """);
}
