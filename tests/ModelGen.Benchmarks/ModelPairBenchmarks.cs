using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ModelGen.Benchmarks.HandWritten;
using ModelGen.Runtime.Tests;
using ModelGen.Samples.MnistCnn;
using ModelGen.Samples.RowLstm;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks;

/// <summary>A model and its hand-written twin at one batch size.</summary>
public sealed record ModelCase(string Model, int Batch, Func<(nn.Module<Tensor, Tensor> Generated, ModelCase.Step TrainStep, nn.Module<Tensor, Tensor> Hand)> Create)
{
    public delegate float Step(Tensor x, Tensor target, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss);

    public override string ToString() => $"{Model}/{Batch}";
}

/// <summary>
/// A generated model against the same model written by hand in idiomatic TorchSharp, with the same weights:
/// forward (evaluation mode, no gradients) and a training step (forward, cross-entropy, backward, SGD step at learning rate 0),
/// each model at two batch sizes. The hand-written side is each category's baseline: Ratio = generated / hand-written.
/// </summary>
[Config(typeof(ShortConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class ModelPairBenchmarks
{
    private nn.Module<Tensor, Tensor> _generated = null!;
    private nn.Module<Tensor, Tensor> _hand = null!;
    private ModelCase.Step _generatedStep = null!;
    private optim.Optimizer _generatedOptimizer = null!;
    private optim.Optimizer _handOptimizer = null!;
    private nn.Module<Tensor, Tensor, Tensor> _loss = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    public static IEnumerable<ModelCase> Cases()
    {
        // samples/MnistCnn: Conv2d(32, 3x3) + ReLU, MaxPool(2), Flatten, Linear(10).
        foreach (int batch in new[] { 8, 64 })
        {
            yield return new ModelCase("MnistCnn", batch, () => { var m = new MnistCnn(); return (m, m.TrainStep, new HandMnistCnn()); });
        }
        // The runtime tests' SmallResNet: a stem and four residual blocks used as [Submodel]s.
        foreach (int batch in new[] { 8, 32 })
        {
            yield return new ModelCase("SmallResNet", batch, () => { var m = new SmallResNet(); return (m, m.TrainStep, new HandSmallResNet()); });
        }
        // samples/RowLstm: two stacked LSTMs over the 28 rows of a digit.
        foreach (int batch in new[] { 8, 64 })
        {
            yield return new ModelCase("RowLstm", batch, () => { var m = new RowLstm(); return (m, m.TrainStep, new HandRowLstm()); });
        }
    }

    [ParamsSource(nameof(Cases))]
    public ModelCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        // One intra-op thread: the machine's two cores are shared, and both sides get the same.
        torch.set_num_threads(1);
        random.manual_seed(42);
        (_generated, _generatedStep, _hand) = Case.Create();
        // Every hand-written name must be among the generated ones; extra generated entries are reported by --check.
        var handKeys = _hand.state_dict().Keys.ToHashSet();
        var weights = _generated.state_dict().Where(entry => handKeys.Contains(entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value);
        if (weights.Count != handKeys.Count)
        {
            throw new InvalidOperationException($"{Case}: the generated state dict lacks {string.Join(", ", handKeys.Except(weights.Keys))}");
        }
        _hand.load_state_dict(weights);
        _x = randn(Case.Batch, 1, 28, 28);
        _y = randint(0, 10, new long[] { Case.Batch });
        _loss = nn.CrossEntropyLoss();
        // A learning rate of 0: the step's arithmetic is all done, but the weights stay where they are, so
        // every iteration measures the same computation on both sides (weights trained for thousands of
        // steps on one batch drift, and denormal values slow the CPU down).
        _generatedOptimizer = optim.SGD(_generated.parameters(), 0.0);
        _handOptimizer = optim.SGD(_hand.parameters(), 0.0);

        _generated.eval();
        _hand.eval();
        using (no_grad())
        {
            // Same weights, same function: otherwise the comparison means nothing.
            if (!_generated.forward(_x).allclose(_hand.forward(_x), rtol: 1e-5, atol: 1e-6))
            {
                throw new InvalidOperationException(Case + ": the hand-written model does not compute what the generated one does");
            }
        }
    }

    /// <summary>State-dict entries of the generated model that the hand-written one does not have.</summary>
    public IEnumerable<string> ExtraGeneratedStateEntries() => _generated.state_dict().Keys.Except(_hand.state_dict().Keys);

    /// <summary>Parameter tensors of each, as the optimizer sees them.</summary>
    public (int Generated, int Hand) ParameterCounts() => (_generated.parameters().Count(), _hand.parameters().Count());

    [Benchmark(Baseline = true), BenchmarkCategory("Forward")]
    public void HandWritten_Forward()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _hand.forward(_x);
    }

    [Benchmark, BenchmarkCategory("Forward")]
    public void Generated_Forward()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _generated.forward(_x);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("TrainStep")]
    public float HandWritten_TrainStep()
    {
        using var scope = NewDisposeScope();
        return HandTrainStep.Run(_hand, _handOptimizer, _loss, _x, _y);
    }

    [Benchmark, BenchmarkCategory("TrainStep")]
    public float Generated_TrainStep() => _generatedStep(_x, _y, _generatedOptimizer, _loss);

    /// <summary>Forward benchmarks run after the setup put both in evaluation mode; a training step switches to training.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.eval();
        _hand.eval();
    }
}
