using System;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ModelGen.Runtime.Tests;
using ModelGen.Samples.MnistCnn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks;

/// <summary>The cheapest forward there is, so the entry guard's share of a call is visible: one input, one ReLU.</summary>
[Model]
[Input("x", "N, 16")]
public partial class TinyModel
{
    [ReLU] public partial ReLU Act { get; }
}

/// <summary><see cref="TinyModel"/> by hand: the same ReLU module without a guard.</summary>
internal sealed class HandTinyModel : nn.Module<Tensor, Tensor>
{
    private readonly ReLU act = nn.ReLU();

    public HandTinyModel() : base(nameof(HandTinyModel)) => RegisterComponents();

    public override Tensor forward(Tensor x) => act.call(x);
}

/// <summary>
/// The cost of the generated entry guard per call. "Guard": the generated CheckInputs alone, called
/// through a delegate (it is private), against reading the input's whole shape (what a guard written with
/// <c>x.shape</c> pays) and reading its rank and three sizes (the native calls MnistCnn's guard makes).
/// "TinyForward": a one-ReLU forward with and without the guard.
/// </summary>
[Config(typeof(ShortConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GuardBenchmarks
{
    private Tensor _image = null!;
    private Tensor _features = null!;
    private Tensor _state = null!;
    private Tensor _action = null!;
    private Tensor _tiny = null!;
    private Action<Tensor> _mnistGuard = null!;
    private Action<Tensor> _residualGuard = null!;
    private Action<Tensor, Tensor> _valueGuard = null!;
    private Action<Tensor> _customBatchNormGuard = null!;
    private TinyModel _generatedTiny = null!;
    private HandTinyModel _handTiny = null!;

    private static T Guard<T>(Type model, object? target = null) where T : Delegate
    {
        var method = model.GetMethod("CheckInputs", BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new InvalidOperationException(model.Name + " has no generated CheckInputs");
        return target is null ? method.CreateDelegate<T>() : method.CreateDelegate<T>(target);
    }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        _image = zeros(8, 1, 28, 28);
        _features = zeros(8, 8, 14, 14);
        _state = zeros(8, 4);
        _action = zeros(8, 2);
        _tiny = randn(8, 16);
        _mnistGuard = Guard<Action<Tensor>>(typeof(MnistCnn));
        _residualGuard = Guard<Action<Tensor>>(typeof(ResidualBlock));
        _valueGuard = Guard<Action<Tensor, Tensor>>(typeof(ValueNetwork));
        _customBatchNormGuard = Guard<Action<Tensor>>(typeof(CustomBatchNorm2d), new CustomBatchNorm2d(8));
        _generatedTiny = new TinyModel();
        _handTiny = new HandTinyModel();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Guard")]
    public long[] ReadShape() => _image.shape;

    /// <summary>What the generated guard reads for an [N, 1, 28, 28] input.</summary>
    [Benchmark, BenchmarkCategory("Guard")]
    public long ReadRankAndSizes() => _image.Dimensions + _image.size(1) + _image.size(2) + _image.size(3);

    /// <summary>Rank and three fixed sizes.</summary>
    [Benchmark, BenchmarkCategory("Guard")]
    public void MnistCnn_Guard() => _mnistGuard(_image);

    /// <summary>Rank, one fixed size, two symbolic sizes with a kernel requirement each.</summary>
    [Benchmark, BenchmarkCategory("Guard")]
    public void ResidualBlock_Guard() => _residualGuard(_features);

    /// <summary>Two inputs: two shape reads and the shared batch size.</summary>
    [Benchmark, BenchmarkCategory("Guard")]
    public void ValueNetwork_Guard() => _valueGuard(_state, _action);

    /// <summary>A size bound to a hyperparameter of the instance.</summary>
    [Benchmark, BenchmarkCategory("Guard")]
    public void CustomBatchNorm2d_Guard() => _customBatchNormGuard(_features);

    [Benchmark(Baseline = true), BenchmarkCategory("TinyForward")]
    public void HandWritten_TinyForward()
    {
        using var scope = NewDisposeScope();
        _handTiny.forward(_tiny);
    }

    [Benchmark, BenchmarkCategory("TinyForward")]
    public void Generated_TinyForward()
    {
        using var scope = NewDisposeScope();
        _generatedTiny.forward(_tiny);
    }
}
