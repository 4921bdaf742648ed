using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>
/// The shape arithmetic Conv1d, Conv2d and ConvTranspose2d share: torch's ConvNd output size
/// <c>floor((X + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1</c> per spatial axis, or for a
/// transposed convolution <c>(X - 1)*stride - 2*padding + dilation*(kernel - 1) + output_padding + 1</c>.
/// </summary>
internal static class ConvolutionShape
{
    /// <summary>Per-axis hyperparameters of one spatial axis.</summary>
    public sealed class Axis
    {
        public Axis(string name, Dim kernel, Dim stride, Dim padding, Dim dilation, Dim? outputPadding = null)
        {
            Name = name;
            Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
            Stride = stride ?? throw new ArgumentNullException(nameof(stride));
            Padding = padding ?? throw new ArgumentNullException(nameof(padding));
            Dilation = dilation ?? throw new ArgumentNullException(nameof(dilation));
            OutputPadding = outputPadding ?? Dim.Zero;
        }

        public string Name { get; }

        public Dim Kernel { get; }

        public Dim Stride { get; }

        public Dim Padding { get; }

        public Dim Dilation { get; }

        /// <summary>Transposed convolutions only: the extra rows or columns added on one side of the output.</summary>
        public Dim OutputPadding { get; }
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
        Dim? declaredInChannels,
        bool transposed = false)
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
                if (transposed)
                {
                    error = TransposedAxis(op, axis, size, constraints, out var transposedSize);
                    if (error is not null)
                    {
                        return LayerResult.Fail(error);
                    }
                    output.Add(transposedSize!);
                    kernelVolume *= axis.Kernel;
                    continue;
                }
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

            // The weight is [out, in / groups, k...], or [in, out / groups, k...] when transposed.
            Dim parameters = transposed
                ? inChannels * Dim.FloorDiv(outChannels, g) * kernelVolume
                : outChannels * Dim.FloorDiv(inChannels, g) * kernelVolume;
            if (bias)
            {
                parameters += outChannels;
            }
            var inferred = new Dictionary<string, Dim> { ["in_channels"] = inChannels };
            return LayerResult.Ok(Shape.Of(output), parameters, inferred, constraints.Requirements);
        });
    }
    /// <summary>
    /// One axis of a transposed convolution, as ATen's <c>slow_conv_transpose2d_shape_check</c>: kernel,
    /// stride and dilation at least 1, padding and output_padding not negative, output_padding smaller
    /// than the stride or the dilation, a non-empty input and an output of at least 1. A symbolic input
    /// size is taken to be at least 1, with no requirement (as the pools do).
    /// </summary>
    private static ShapeError? TransposedAxis(string op, Axis axis, Dim size, Constraints constraints, out Dim? output)
    {
        output = null;
        var error = constraints.HyperparameterAtLeast(op, "kernel " + axis.Name, axis.Kernel, 1, "Kernel")
            ?? constraints.HyperparameterAtLeast(op, "stride", axis.Stride, 1, "Stride")
            ?? constraints.HyperparameterAtLeast(op, "padding", axis.Padding, 0, "Padding")
            ?? constraints.HyperparameterAtLeast(op, "output_padding", axis.OutputPadding, 0, "OutputPadding")
            ?? constraints.HyperparameterAtLeast(op, "dilation", axis.Dilation, 1, "Dilation")
            ?? OutputPaddingBelowStrideOrDilation(op, axis, constraints);
        if (error is not null)
        {
            return error;
        }
        if (size.ConstantValue == 0)
        {
            return new ShapeError(
                ShapeErrorKind.InvalidDimension,
                $"{op}: the input {axis.Name} is 0, and torch accepts an empty input only in the batch or channel dimension",
                "input");
        }

        // result = (size - 1)*stride + rest. torch rejects an empty input, so with size >= 1 (taken for
        // granted for a symbolic size, as the pools do) the result is at least rest.
        Dim rest = -(2 * axis.Padding) + (axis.Dilation * (axis.Kernel - 1)) + axis.OutputPadding + 1;
        Dim result = ((size - 1) * axis.Stride) + rest;
        error = Bounds.ProvablyAtLeast(rest, 1) ? null : constraints.AtLeast(
            result,
            1,
            $"{op}: the output {axis.Name} {result} must be at least 1",
            () => new ShapeError(
                ShapeErrorKind.InvalidHyperparameter,
                $"{op}: the output {axis.Name} (input {size - 1} times stride {axis.Stride}, minus twice the padding {axis.Padding}, plus {axis.Dilation * (axis.Kernel - 1)} for the kernel, output_padding {axis.OutputPadding} and 1) is {result}, which is less than 1",
                "Padding"));
        if (error is not null)
        {
            return error;
        }
        output = result;
        return null;
    }

    /// <summary>
    /// torch's "output padding must be smaller than either stride or dilation". When neither is decided
    /// the requirement is the stride one (stricter than torch, which also accepts a large enough dilation).
    /// </summary>
    private static ShapeError? OutputPaddingBelowStrideOrDilation(string op, Axis axis, Constraints constraints)
    {
        Dim needed = axis.OutputPadding + 1;
        if (Bounds.ProvablyAtLeast(axis.Stride, needed) || Bounds.ProvablyAtLeast(axis.Dilation, needed))
        {
            return null;
        }
        string message = $"{op}: output_padding {axis.OutputPadding} must be smaller than the stride {axis.Stride} or the dilation {axis.Dilation} ({axis.Name})";
        bool strideFails = Bounds.ProvablyLess(axis.Stride, needed);
        if (strideFails && Bounds.ProvablyLess(axis.Dilation, needed))
        {
            return new ShapeError(ShapeErrorKind.InvalidHyperparameter, message, "OutputPadding");
        }
        return strideFails
            ? constraints.AtLeast(axis.Dilation, needed, message, () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, message, "OutputPadding"))
            : constraints.AtLeast(axis.Stride, needed, message, () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, message, "OutputPadding"));
    }
}
