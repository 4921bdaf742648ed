using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>The generated adversarial step of a [Gan], and [Frozen] layers.</summary>
public class AdversarialAndFrozenTests
{
    private static Tensor[] Snapshot(nn.Module module) => module.parameters().Select(p => p.detach().clone()).ToArray();

    private static bool Changed(Tensor[] before, nn.Module module) =>
        before.Zip(module.parameters(), (b, p) => !b.allclose(p)).Any(c => c);

    [Fact]
    public void An_adversarial_step_updates_each_network_with_its_own_optimizer()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(21);
        var gan = new TinyGan();
        var generatorOptimizer = optim.Adam(gan.Generator.parameters(), 1e-3);
        var discriminatorOptimizer = optim.Adam(gan.Discriminator.parameters(), 1e-3);
        var generatorBefore = Snapshot(gan.Generator);
        var discriminatorBefore = Snapshot(gan.Discriminator);

        var (discriminatorLoss, generatorLoss) = gan.AdversarialStep(rand(8, 1, 28, 28), randn(8, 16), generatorOptimizer, discriminatorOptimizer);

        Assert.True(float.IsFinite(discriminatorLoss) && discriminatorLoss > 0);
        Assert.True(float.IsFinite(generatorLoss) && generatorLoss > 0);
        Assert.True(Changed(generatorBefore, gan.Generator));
        Assert.True(Changed(discriminatorBefore, gan.Discriminator));
    }

    [Fact]
    public void The_discriminator_half_of_the_step_leaves_the_generator_alone()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(22);
        var gan = new TinyGan();
        // A generator optimizer that cannot move: any change to the generator would come from the other optimizer.
        var frozenGenerator = optim.SGD(gan.Generator.parameters(), 0.0);
        var discriminatorOptimizer = optim.SGD(gan.Discriminator.parameters(), 0.1);
        var generatorBefore = Snapshot(gan.Generator);

        gan.AdversarialStep(rand(8, 1, 28, 28), randn(8, 16), frozenGenerator, discriminatorOptimizer);

        Assert.False(Changed(generatorBefore, gan.Generator));
    }

    [Fact]
    public void Generate_returns_images_of_the_discriminators_input_shape()
    {
        using var scope = NewDisposeScope();
        var images = new TinyGan().Generate(randn(5, 16));
        Assert.Equal(new long[] { 5, 1, 28, 28 }, images.shape);
        Assert.False(images.requires_grad);
    }

    [Fact]
    public void A_frozen_backbone_gets_no_gradient_and_is_left_out_of_the_trainable_parameters()
    {
        using var scope = NewDisposeScope();
        var model = new FrozenBackboneClassifier();
        Assert.All(model.Backbone.parameters(), p => Assert.False(p.requires_grad));
        Assert.Equal(model.Head.parameters().Count(), model.TrainableParameters().Count());

        model.forward(randn(3, 1, 28, 28)).sum().backward();
        Assert.All(model.Backbone.parameters(), p => Assert.Null(p.grad));
        Assert.All(model.Head.parameters(), p => Assert.NotNull(p.grad));
        Assert.Equal(FrozenBackboneClassifier.Summary.TotalParameters - model.Backbone.parameters().Sum(p => p.numel()), FrozenBackboneClassifier.Summary.TrainableParameters);
    }
}
