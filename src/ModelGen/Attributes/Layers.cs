namespace ModelGen;

/// <summary>A fully connected layer, <c>torch.nn.Linear</c>; in_features is inferred from the last dimension.</summary>
public sealed class LinearAttribute : LayerAttribute
{
    /// <summary>Declares a Linear layer.</summary>
    /// <param name="outFeatures">Output features: an integer or a model parameter's name.</param>
    public LinearAttribute(object outFeatures) => OutFeatures = outFeatures;

    /// <summary>Output features.</summary>
    public object OutFeatures { get; }

    /// <summary>Whether the layer learns an additive bias.</summary>
    public bool Bias { get; set; } = true;

    /// <summary>Activation applied to the output.</summary>
    public Activation Activation { get; set; }
}

/// <summary>Options shared by the convolutions.</summary>
public abstract class ConvolutionAttribute : LayerAttribute
{
    private protected ConvolutionAttribute(object outChannels) => OutChannels = outChannels;

    /// <summary>Output channels.</summary>
    public object OutChannels { get; }

    /// <summary>Kernel size: an integer, an array with one entry per spatial dimension, or a model parameter's name.</summary>
    public object Kernel { get; set; } = 1;

    /// <summary>Stride (default 1).</summary>
    public object Stride { get; set; } = 1;

    /// <summary>Zero padding on each side (default 0).</summary>
    public object Padding { get; set; } = 0;

    /// <summary>Dilation (default 1).</summary>
    public object Dilation { get; set; } = 1;

    /// <summary>Groups (default 1); in and out channels must both be divisible by it.</summary>
    public object Groups { get; set; } = 1;

    /// <summary>Whether the layer learns an additive bias.</summary>
    public bool Bias { get; set; } = true;

    /// <summary>Activation applied to the output.</summary>
    public Activation Activation { get; set; }
}

/// <summary>A 1-d convolution over [N, C, L], <c>torch.nn.Conv1d</c>; in_channels is inferred.</summary>
public sealed class Conv1dAttribute : ConvolutionAttribute
{
    /// <summary>Declares a Conv1d layer.</summary>
    public Conv1dAttribute(object outChannels) : base(outChannels) { }
}

/// <summary>A 2-d convolution over [N, C, H, W], <c>torch.nn.Conv2d</c>; in_channels is inferred.</summary>
public sealed class Conv2dAttribute : ConvolutionAttribute
{
    /// <summary>Declares a Conv2d layer.</summary>
    public Conv2dAttribute(object outChannels) : base(outChannels) { }
}

/// <summary>Options shared by the 2-d pools.</summary>
public abstract class Pool2dAttribute : LayerAttribute
{
    private protected Pool2dAttribute(object kernel) => Kernel = kernel;

    /// <summary>Window size.</summary>
    public object Kernel { get; }

    /// <summary>Stride; defaults to the window size.</summary>
    public object? Stride { get; set; }

    /// <summary>Implicit padding on each side (at most half the window).</summary>
    public object Padding { get; set; } = 0;

    /// <summary>Round the output size up instead of down.</summary>
    public bool CeilMode { get; set; }
}

/// <summary>Max pooling over [N, C, H, W], <c>torch.nn.MaxPool2d</c>.</summary>
public sealed class MaxPool2dAttribute : Pool2dAttribute
{
    /// <summary>Declares a MaxPool2d layer.</summary>
    public MaxPool2dAttribute(object kernel) : base(kernel) { }

    /// <summary>Dilation of the window (default 1).</summary>
    public object Dilation { get; set; } = 1;
}

/// <summary>Average pooling over [N, C, H, W], <c>torch.nn.AvgPool2d</c>.</summary>
public sealed class AvgPool2dAttribute : Pool2dAttribute
{
    /// <summary>Declares an AvgPool2d layer.</summary>
    public AvgPool2dAttribute(object kernel) : base(kernel) { }

    /// <summary>Whether zero padding counts in the average.</summary>
    public bool CountIncludePad { get; set; } = true;
}

/// <summary>Adaptive average pooling to a fixed output size, <c>torch.nn.AdaptiveAvgPool2d</c>.</summary>
public sealed class AdaptiveAvgPool2dAttribute : LayerAttribute
{
    /// <summary>Declares an AdaptiveAvgPool2d layer with output height and width.</summary>
    public AdaptiveAvgPool2dAttribute(object height, object width)
    {
        Height = height;
        Width = width;
    }

    /// <summary>Output height.</summary>
    public object Height { get; }

    /// <summary>Output width.</summary>
    public object Width { get; }
}

/// <summary>Options shared by the batch norms.</summary>
public abstract class BatchNormAttribute : LayerAttribute
{
    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; set; } = 1e-5;

    /// <summary>Weight of the current batch in the running statistics.</summary>
    public double Momentum { get; set; } = 0.1;

    /// <summary>Whether the layer learns a scale and a shift.</summary>
    public bool Affine { get; set; } = true;

    /// <summary>Whether running statistics are kept for evaluation.</summary>
    public bool TrackRunningStats { get; set; } = true;
}

/// <summary>Batch norm over [N, C] or [N, C, L], <c>torch.nn.BatchNorm1d</c>; num_features is inferred.</summary>
public sealed class BatchNorm1dAttribute : BatchNormAttribute
{
}

/// <summary>Batch norm over [N, C, H, W], <c>torch.nn.BatchNorm2d</c>; num_features is inferred.</summary>
public sealed class BatchNorm2dAttribute : BatchNormAttribute
{
}

/// <summary>Layer norm over the trailing dimensions, <c>torch.nn.LayerNorm</c>; normalized_shape is inferred.</summary>
public sealed class LayerNormAttribute : LayerAttribute
{
    /// <summary>How many trailing dimensions are normalised (default 1).</summary>
    public int NormalizedDims { get; set; } = 1;

    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; set; } = 1e-5;

    /// <summary>Whether the layer learns a scale and a shift.</summary>
    public bool ElementwiseAffine { get; set; } = true;
}

/// <summary>Dropout, <c>torch.nn.Dropout</c>: active in training, the identity after <c>eval()</c>.</summary>
public sealed class DropoutAttribute : LayerAttribute
{
    /// <summary>Declares a Dropout layer with drop probability <paramref name="p"/>.</summary>
    public DropoutAttribute(double p = 0.5) => P = p;

    /// <summary>Probability of zeroing an element.</summary>
    public double P { get; }
}

/// <summary>Flattens a range of dimensions into one, <c>torch.nn.Flatten</c>.</summary>
public sealed class FlattenAttribute : LayerAttribute
{
    /// <summary>First dimension flattened (default 1, keeping the batch).</summary>
    public int StartDim { get; set; } = 1;

    /// <summary>Last dimension flattened (default -1).</summary>
    public int EndDim { get; set; } = -1;
}

/// <summary>
/// Reshapes every sample, keeping the batch dimension (like Keras' Reshape): a [N, 784] input with
/// <c>[Reshape(1, 28, 28)]</c> becomes [N, 1, 28, 28]. Emitted as <c>torch.nn.Unflatten</c>.
/// </summary>
public sealed class ReshapeAttribute : LayerAttribute
{
    /// <summary>Declares the per-sample target shape.</summary>
    public ReshapeAttribute(params object[] shape) => Shape = shape;

    /// <summary>The per-sample target shape.</summary>
    public object[] Shape { get; }
}

/// <summary><c>torch.nn.ReLU</c>.</summary>
public sealed class ReLUAttribute : LayerAttribute
{
}

/// <summary><c>torch.nn.LeakyReLU</c>.</summary>
public sealed class LeakyReLUAttribute : LayerAttribute
{
    /// <summary>Slope below zero (default 0.01).</summary>
    public double NegativeSlope { get; set; } = 0.01;
}

/// <summary><c>torch.nn.Sigmoid</c>.</summary>
public sealed class SigmoidAttribute : LayerAttribute
{
}

/// <summary><c>torch.nn.Tanh</c>.</summary>
public sealed class TanhAttribute : LayerAttribute
{
}

/// <summary><c>torch.nn.GELU</c>.</summary>
public sealed class GELUAttribute : LayerAttribute
{
}

/// <summary><c>torch.nn.Softmax</c> over <see cref="Dim"/>.</summary>
public sealed class SoftmaxAttribute : LayerAttribute
{
    /// <summary>Declares a Softmax layer over <paramref name="dim"/> (default the last).</summary>
    public SoftmaxAttribute(int dim = -1) => Dim = dim;

    /// <summary>The dimension that sums to one.</summary>
    public int Dim { get; }
}

/// <summary><c>torch.nn.LogSoftmax</c> over <see cref="Dim"/>.</summary>
public sealed class LogSoftmaxAttribute : LayerAttribute
{
    /// <summary>Declares a LogSoftmax layer over <paramref name="dim"/> (default the last).</summary>
    public LogSoftmaxAttribute(int dim = -1) => Dim = dim;

    /// <summary>The dimension normalised.</summary>
    public int Dim { get; }
}
