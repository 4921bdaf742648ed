using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.DenseRegression;

/// <summary>The seed's Q1: one Dense unit on a one-feature input, trained with SGD on squared error.</summary>
[Model]
[Input("x", "N, 1")]
public partial class LinearRegression
{
    [Linear(1)] public partial Linear Dense { get; }
}
