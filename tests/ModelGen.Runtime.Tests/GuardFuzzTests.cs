using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Samples.DenseRegression;
using ModelGen.Samples.DropoutMlp;
using ModelGen.Samples.MnistCnn;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>
/// Seeded random input shapes against every model of every sample and the composed test models (docs/reliability.md):
/// a wrong shape always stops at the generated entry guard with the model's own exception, never in a
/// libtorch kernel; a right shape never trips it.
/// </summary>
public class GuardFuzzTests
{
    private const int WrongShapesPerModel = 100;
    private const int RightShapesPerModel = 12;

    /// <summary>A dimension of a declared input: a fixed size, or a symbol with the least size the model's layers accept (0: any).</summary>
    private sealed record Dim(long Fixed, string? Symbol = null, long Minimum = 0)
    {
        public static Dim Of(long size) => new(size);

        public static Dim Sym(string name, long minimum = 0) => new(0, name, minimum);
    }

    /// <summary>A declared input: its dimensions, and for token ids the vocabulary they are drawn from (0: real values).</summary>
    private sealed record InputCase(string Name, Dim[] Shape, long Vocabulary = 0);

    /// <summary>A model under test: how to build it, its declared inputs, and how to call forward with one tensor per input.</summary>
    private sealed record ModelCase(string Name, Func<nn.Module> Create, InputCase[] Inputs, Func<nn.Module, Tensor[], Tensor> Forward)
    {
        public ModelCase(string name, Func<nn.Module> create, Dim[] shape, Func<nn.Module, Tensor[], Tensor> forward, string input = "x")
            : this(name, create, new[] { new InputCase(input, shape) }, forward)
        {
        }

        public override string ToString() => Name;
    }

    private static Tensor One(nn.Module model, Tensor[] inputs) => ((nn.Module<Tensor, Tensor>)model).forward(inputs[0]);

    private static Tensor Two(nn.Module model, Tensor[] inputs) => ((nn.Module<Tensor, Tensor, Tensor>)model).forward(inputs[0], inputs[1]);

    private static readonly Dim[] Image = { Dim.Sym("N"), Dim.Of(1), Dim.Of(28), Dim.Of(28) };

    // 3x3 convolutions with padding 1 (stride 1 or 2): the guard demands H + 2 >= 3 and W + 2 >= 3.
    private static Dim[] Features(long channels) => new[] { Dim.Sym("N"), Dim.Of(channels), Dim.Sym("H", 1), Dim.Sym("W", 1) };

    private static readonly ModelCase[] Models =
    {
        // The composed test models.
        new("ResidualBlock", () => new ResidualBlock(), Features(8), One),
        new("ValueNetwork", () => new ValueNetwork(),
            new[] { new InputCase("state", new[] { Dim.Sym("N"), Dim.Of(4) }), new InputCase("action", new[] { Dim.Sym("N"), Dim.Of(2) }) }, Two),
        new("SmallResNet", () => new SmallResNet(), Image, One),
        // NumFeatures is bound by the constructor: for this instance it is a fixed 3.
        new("CustomBatchNorm2d", () => new CustomBatchNorm2d(3), new[] { Dim.Sym("N"), Dim.Of(3), Dim.Sym("H"), Dim.Sym("W") }, One),

        // Every sample's models.
        new("LinearRegression", () => new LinearRegression(), new[] { Dim.Sym("N"), Dim.Of(1) }, One),
        new("MnistCnn", () => new MnistCnn(), Image, One),
        new("DropoutMlp", () => new DropoutMlp(), Image, One),
        new("BasicBlock", () => new ModelGen.Samples.ResNet.BasicBlock(8), Features(8), One),
        new("DownsampleBlock", () => new ModelGen.Samples.ResNet.DownsampleBlock(8, 16), Features(8), One),
        new("MnistResNet", () => new ModelGen.Samples.ResNet.MnistResNet(), Image, One),
        new("BatchNormCnn", () => new ModelGen.Samples.CustomBatchNorm.BatchNormCnn(), Image, One),
        new("ConvAutoencoder", () => new ModelGen.Samples.Autoencoder.ConvAutoencoder(), Image, One),
        new("DigitGenerator", () => new ModelGen.Samples.Gan.DigitGenerator(), new[] { Dim.Sym("N"), Dim.Of(64) }, One, input: "noise"),
        new("DigitDiscriminator", () => new ModelGen.Samples.Gan.DigitDiscriminator(), Image, One, input: "image"),
        new("DigitGan", () => new ModelGen.Samples.Gan.DigitGan(), new[] { Dim.Sym("N"), Dim.Of(64) }, One, input: "noise"),
        new("DigitFeatures", () => new ModelGen.Samples.TransferLearning.DigitFeatures(), Image, One),
        new("DigitClassifier", () => new ModelGen.Samples.TransferLearning.DigitClassifier(), Image, One),
        new("FrozenDigitClassifier", () => new ModelGen.Samples.TransferLearning.FrozenDigitClassifier(), Image, One),
        new("RowLstm", () => new ModelGen.Samples.RowLstm.RowLstm(), Image, One),
        new("MarkerAttention", () => new ModelGen.Samples.Attention.MarkerAttention(),
            new[] { new InputCase("tokens", new[] { Dim.Sym("N"), Dim.Sym("T") }, ModelGen.Samples.Attention.MarkerTask.VocabularySize) },
            (model, inputs) => ((ModelGen.Samples.Attention.MarkerAttention)model).forward(inputs[0]).Logits),
        new("MeanEmbeddingClassifier", () => new ModelGen.Samples.WordEmbeddings.MeanEmbeddingClassifier(50),
            new[] { new InputCase("tokens", new[] { Dim.Sym("N"), Dim.Sym("T") }, 50), new InputCase("lengths", new[] { Dim.Sym("N"), Dim.Of(1) }) }, Two),
        new("BagOfWordsClassifier", () => new ModelGen.Samples.WordEmbeddings.BagOfWordsClassifier(50), new[] { Dim.Sym("N"), Dim.Of(50) }, One, input: "counts"),
        new("QNetwork", () => new ModelGen.Samples.Dqn.QNetwork(), new[] { Dim.Sym("N"), Dim.Of(4) }, One, input: "state"),
    };

    /// <summary>A tensor of this shape for the input: ids below its vocabulary, or real values (zeros for a wrong shape, which never runs).</summary>
    private static Tensor Make(InputCase input, long[] shape, bool values) =>
        input.Vocabulary > 0 ? (values ? randint(0, input.Vocabulary, shape) : zeros(shape, int64))
        : values ? randn(shape) : zeros(shape);

    public static IEnumerable<object[]> ModelNames() => Models.Select(m => new object[] { m.Name });

    private static ModelCase Find(string name) => Models.Single(m => m.Name == name);

    /// <summary>One wrong shape: exactly one thing differs from the declaration; returns the shapes and the input the guard must name.</summary>
    private static (long[][] Shapes, string Input, string What) WrongShapes(ModelCase model, Random random)
    {
        var shapes = RightShapes(model, random);
        var symbols = model.Inputs.SelectMany(i => i.Shape).Where(d => d.Symbol is not null).ToList();
        var shared = symbols.GroupBy(d => d.Symbol).Where(g => g.Count() > 1).Select(g => g.Key!).ToList();
        var sized = symbols.Where(d => d.Minimum > 0).ToList();
        var kinds = new List<string> { "rank" };
        if (model.Inputs.Any(i => i.Shape.Any(d => d.Symbol is null)))
        {
            kinds.Add("fixed");
        }
        if (shared.Count > 0)
        {
            kinds.Add("shared");
        }
        if (sized.Count > 0)
        {
            kinds.Add("small");
        }
        string kind = kinds[random.Next(kinds.Count)];
        int input = random.Next(model.Inputs.Length);
        var declared = model.Inputs[input].Shape;
        switch (kind)
        {
            case "rank":
            {
                int rank = random.Next(7);
                while (rank == declared.Length)
                {
                    rank = random.Next(7);
                }
                shapes[input] = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
                return (shapes, model.Inputs[input].Name, $"rank {rank}");
            }
            case "fixed":
            {
                var withFixed = Enumerable.Range(0, model.Inputs.Length).Where(i => model.Inputs[i].Shape.Any(d => d.Symbol is null)).ToList();
                input = withFixed[random.Next(withFixed.Count)];
                declared = model.Inputs[input].Shape;
                var fixedDims = Enumerable.Range(0, declared.Length).Where(d => declared[d].Symbol is null).ToList();
                int dim = fixedDims[random.Next(fixedDims.Count)];
                long size = declared[dim].Fixed;
                long wrong = random.Next(2) == 0 ? random.Next(0, (int)size) : size + 1 + random.Next(8);
                shapes[input][dim] = wrong;
                return (shapes, model.Inputs[input].Name, $"dimension {dim} = {wrong}");
            }
            case "shared":
            {
                // A later input disagrees with the size an earlier one bound.
                string symbol = shared[random.Next(shared.Count)];
                int last = Array.FindLastIndex(model.Inputs, i => i.Shape.Any(d => d.Symbol == symbol));
                int dim = Array.FindIndex(model.Inputs[last].Shape, d => d.Symbol == symbol);
                shapes[last][dim] += 1 + random.Next(4);
                return (shapes, model.Inputs[last].Name, $"{symbol} differs");
            }
            default:
            {
                var small = sized[random.Next(sized.Count)];
                int owner = Array.FindIndex(model.Inputs, i => i.Shape.Contains(small));
                int dim = Array.IndexOf(model.Inputs[owner].Shape, small);
                shapes[owner][dim] = random.Next(0, (int)small.Minimum);
                return (shapes, model.Inputs[owner].Name, $"{small.Symbol} = {shapes[owner][dim]}");
            }
        }
    }

    /// <summary>A right shape: symbols bound once across inputs, small sizes at or above each minimum.</summary>
    private static long[][] RightShapes(ModelCase model, Random random)
    {
        var values = new Dictionary<string, long>();
        return model.Inputs.Select(i => i.Shape.Select(d => d.Symbol is null ? d.Fixed
            : values.TryGetValue(d.Symbol, out long v) ? v
            : values[d.Symbol] = Math.Max(d.Minimum, 1) + random.Next(4)).ToArray()).ToArray();
    }

    private static string Text(long[] shape) => "[" + string.Join(", ", shape) + "]";

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_wrong_input_shape_is_always_stopped_by_the_models_own_exception(string name)
    {
        var model = Find(name);
        var module = model.Create();
        for (int seed = 0; seed < WrongShapesPerModel; seed++)
        {
            var random = new Random(seed);
            var (shapes, input, what) = WrongShapes(model, random);
            using var scope = NewDisposeScope();
            var tensors = shapes.Select((s, i) => Make(model.Inputs[i], s, values: false)).ToArray();
            string context = $"{name}, seed {seed}, {what}: {string.Join(" ", shapes.Select(Text))}";

            var thrown = Record.Exception(() => model.Forward(module, tensors));
            var error = Assert.IsType<ModelInputShapeException>(thrown);
            Assert.True(error.Model == name && error.Input == input, $"{context}: {error.Message}");
            Assert.StartsWith($"{name}: input '{input}' must have shape [", error.Message);
            Assert.Equal(shapes[Array.FindIndex(model.Inputs, i => i.Name == input)], error.Actual);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_right_input_shape_never_trips_the_guard_in_evaluation_mode(string name) => RunRightShapes(name, training: false);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_right_input_shape_never_trips_the_guard_in_training_mode(string name) => RunRightShapes(name, training: true);

    private static void RunRightShapes(string name, bool training)
    {
        var model = Find(name);
        var module = model.Create();
        module.train(training);
        for (int seed = 0; seed < RightShapesPerModel; seed++)
        {
            var shapes = RightShapes(model, new Random(1000 + seed));
            using var scope = NewDisposeScope();
            using var gradients = set_grad_enabled(training);
            var output = model.Forward(module, shapes.Select((s, i) => Make(model.Inputs[i], s, values: true)).ToArray());
            if (training)
            {
                output.sum().backward();
            }
            Assert.True(output.shape[0] == shapes[0][0], $"{name}, seed {1000 + seed}: {string.Join(" ", shapes.Select(Text))} gave {Text(output.shape)}");
        }
    }
}
