using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>
/// The shape arithmetic Conv1d and Conv2d share: torch's ConvNd output size
/// <c>floor((X + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1</c> per spatial axis.
/// </summary>
internal static class ConvolutionShape
{
    /// <summary>Per-axis hyperparameters of one spatial axis.</summary>
    public sealed class Axis
    {
        public Axis(string name, Dim kernel, Dim stride, Dim padding, Dim dilation)
        {
            Name = name;
            Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
            Stride = stride ?? throw new ArgumentNullException(nameof(stride));
            Padding = padding ?? throw new ArgumentNullException(nameof(padding));
            Dilation = dilation ?? throw new ArgumentNullException(nameof(dilation));
        }

        public string Name { get; }

        public Dim Kernel { get; }

        public Dim Stride { get; }

        public Dim Padding { get; }

        public Dim Dilation { get; }
    }

    public static LayerResult Apply(
        string op,
        Shape input,
        string batchedLayout,
        string unbatchedLayout,
        Dim outChannels,
        IReadOnlyList<Axis> axes,
        Dim groups,
        bool bias,
        Dim? declaredInChannels)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (outChannels is null)
        {
            throw new ArgumentNullException(nameof(outChannels));
        }
        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }
        return Guard.Layer(op, () =>
        {
            int spatial = axes.Count;
            bool batched = input.Rank == spatial + 2;
            if (!batched && input.Rank != spatial + 1)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} expects a {Text.Int(spatial + 2)}-d input {batchedLayout} (or {Text.Int(spatial + 1)}-d unbatched {unbatchedLayout}) but got {input}",
                    "input"));
            }

            var constraints = new Constraints();
            var error = constraints.HyperparameterAtLeast(op, "out_channels", outChannels, 1, "OutChannels")
                ?? Constraints.Constant(op, "groups", groups, "Groups", out _)
                ?? constraints.HyperparameterAtLeast(op, "groups", groups, 1, "Groups");
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }

            long g = groups.ConstantValue!.Value;
            int channelAxis = batched ? 1 : 0;
            Dim inChannels = input[channelAxis];
            if (declaredInChannels is not null)
            {
                error = Constraints.Equal(
                    declaredInChannels,
                    inChannels,
                    $"{op}: in_channels is {declaredInChannels} but the input {input} has {inChannels} channels",
                    $"{op}: cannot prove in_channels {declaredInChannels} equals the input's {inChannels} channels in {input}",
                    "in_channels");
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
            }

            error = constraints.DivisibleBy(
                    inChannels,
                    g,
                    $"{op}: groups {g.ToString(CultureInfo.InvariantCulture)} must divide in_channels {inChannels}",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: groups {g.ToString(CultureInfo.InvariantCulture)} does not divide in_channels {inChannels} of the input {input}", "Groups"))
                ?? constraints.DivisibleBy(
                    outChannels,
                    g,
                    $"{op}: groups {g.ToString(CultureInfo.InvariantCulture)} must divide out_channels {outChannels}",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: groups {g.ToString(CultureInfo.InvariantCulture)} does not divide out_channels {outChannels}", "Groups"));
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }

            var output = new List<Dim>(input.Rank);
            if (batched)
            {
                output.Add(input[0]);
            }
            output.Add(outChannels);
            Dim kernelVolume = Dim.One;
            for (int i = 0; i < spatial; i++)
            {
                var axis = axes[i];
                Dim size = input[channelAxis + 1 + i];
                error = constraints.HyperparameterAtLeast(op, "kernel " + axis.Name, axis.Kernel, 1, "Kernel")
                    ?? Constraints.Constant(op, "stride", axis.Stride, "Stride", out _)
                    ?? constraints.HyperparameterAtLeast(op, "stride", axis.Stride, 1, "Stride")
                    ?? constraints.HyperparameterAtLeast(op, "padding", axis.Padding, 0, "Padding")
                    ?? constraints.HyperparameterAtLeast(op, "dilation", axis.Dilation, 1, "Dilation");
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }

                long stride = axis.Stride.ConstantValue!.Value;
                Dim padded = size + (2 * axis.Padding);
                Dim effectiveKernel = (axis.Dilation * (axis.Kernel - 1)) + 1;
                string kernelText = Text.DilatedKernel(effectiveKernel, axis.Kernel, axis.Dilation);
                string paddedText = Text.PaddedSize(padded, size, axis.Padding);
                error = constraints.AtLeast(
                    padded,
                    effectiveKernel,
                    $"{op}: the padded input {axis.Name} must be at least the kernel {axis.Name} {kernelText}",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: kernel {kernelText} is larger than the padded input {axis.Name} {paddedText}", "Kernel"));
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
                output.Add(Dim.FloorDiv(padded - effectiveKernel, stride) + 1);
                kernelVolume *= axis.Kernel;
            }

            Dim parameters = outChannels * Dim.FloorDiv(inChannels, g) * kernelVolume;
            if (bias)
            {
                parameters += outChannels;
            }
            var inferred = new Dictionary<string, Dim> { ["in_channels"] = inChannels };
            return LayerResult.Ok(Shape.Of(output), parameters, inferred, constraints.Requirements);
        });
    }
}
