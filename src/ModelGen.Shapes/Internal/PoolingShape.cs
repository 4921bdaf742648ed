using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape arithmetic MaxPool2d and AvgPool2d share, after ATen's <c>pooling_output_shape</c> and
/// <c>pool2d_shape_check</c> (aten/src/ATen/native/Pool.h).
/// </summary>
internal static class PoolingShape
{
    /// <summary>Hyperparameters of one spatial axis.</summary>
    public sealed class Axis
    {
        public Axis(string name, Dim kernel, Dim? stride, Dim padding, Dim dilation)
        {
            Name = name;
            Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
            // torch: stride defaults to the kernel size.
            Stride = stride ?? kernel;
            Padding = padding ?? throw new ArgumentNullException(nameof(padding));
            Dilation = dilation ?? throw new ArgumentNullException(nameof(dilation));
        }

        public string Name { get; }

        public Dim Kernel { get; }

        public Dim Stride { get; }

        public Dim Padding { get; }

        public Dim Dilation { get; }
    }

    public static LayerResult Apply(string op, Shape input, IReadOnlyList<Axis> axes, bool ceilMode)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        return Guard.Layer(op, () =>
        {
            if (input.Rank != 4 && input.Rank != 3)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} expects a 4-d input [N, C, H, W] (or 3-d unbatched [C, H, W]) but got {input}",
                    "input"));
            }
            int first = input.Rank - 3;
            for (int i = first; i < input.Rank; i++)
            {
                if (input[i].ConstantValue == 0)
                {
                    return LayerResult.Fail(new ShapeError(
                        ShapeErrorKind.InvalidDimension,
                        $"{op} expects non-empty channel and spatial dimensions but got {input}",
                        "input"));
                }
            }

            var constraints = new Constraints();
            var output = new List<Dim>(input.Dims);
            for (int i = 0; i < axes.Count; i++)
            {
                var axis = axes[i];
                int index = first + 1 + i;
                var error = constraints.HyperparameterAtLeast(op, "kernel " + axis.Name, axis.Kernel, 1, "Kernel")
                    ?? Constraints.Constant(op, "stride", axis.Stride, "Stride", out _)
                    ?? constraints.HyperparameterAtLeast(op, "stride", axis.Stride, 1, "Stride")
                    ?? constraints.HyperparameterAtLeast(op, "padding", axis.Padding, 0, "Padding")
                    ?? constraints.HyperparameterAtLeast(op, "dilation", axis.Dilation, 1, "Dilation");
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
                // ATen: kW / 2 >= padW, on the kernel itself, not the dilated window.
                Dim halfKernel = Dim.FloorDiv(axis.Kernel, 2);
                error = constraints.AtLeast(
                    halfKernel,
                    axis.Padding,
                    $"{op}: padding {axis.Padding} must be at most half the kernel {axis.Name} {axis.Kernel}",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: padding {axis.Padding} is more than half the kernel {axis.Name} {axis.Kernel}", "Padding"));
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }

                long stride = axis.Stride.ConstantValue!.Value;
                var size = OutputSize(op, constraints, axis, input[index], stride, ceilMode, out error);
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
                output[index] = size!;
            }
            return LayerResult.Ok(Shape.Of(output), Dim.Zero, null, constraints.Requirements);
        });
    }

    /// <summary>
    /// ATen: <c>out = floor((X + 2p - d(k-1) - 1 + (ceil ? s - 1 : 0)) / s) + 1</c>, and in ceil mode one
    /// less when the last window would start at or past <c>X + p</c>. Both cases are one floor:
    /// <c>out = floor(min(X + 2p - d(k-1) - 1 + s - 1, X + p - 1) / s) + 1</c>; the two arguments differ by
    /// <c>s - 1 + p - d(k-1)</c>, which does not depend on X (and is below s once padding &lt;= k/2), so the
    /// branch is decided by the hyperparameters alone. The result must be at least 1, i.e. the chosen
    /// numerator non-negative.
    /// </summary>
    private static Dim? OutputSize(string op, Constraints constraints, Axis axis, Dim size, long stride, bool ceilMode, out ShapeError? error)
    {
        Dim effectiveKernel = (axis.Dilation * (axis.Kernel - 1)) + 1;
        Dim padded = size + (2 * axis.Padding);
        string kernelText = Text.DilatedKernel(effectiveKernel, axis.Kernel, axis.Dilation);
        string paddedText = Text.PaddedSize(padded, size, axis.Padding);
        Dim numerator;
        if (!ceilMode)
        {
            error = constraints.AtLeast(
                padded,
                effectiveKernel,
                $"{op}: the padded input {axis.Name} must be at least the kernel {axis.Name} {kernelText}",
                () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: kernel {kernelText} is larger than the padded input {axis.Name} {paddedText}", "Kernel"));
            numerator = padded - effectiveKernel;
        }
        else
        {
            Dim lastWindowSlack = stride - 1 + axis.Padding - (axis.Dilation * (axis.Kernel - 1));
            if (Bounds.ProvablyAtLeast(Dim.Zero, lastWindowSlack))
            {
                error = constraints.AtLeast(
                    padded + (stride - 1),
                    effectiveKernel,
                    $"{op}: the padded input {axis.Name} plus stride - 1 (ceil_mode) must be at least the kernel {axis.Name} {kernelText}",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: kernel {kernelText} is larger than the padded input {axis.Name} {paddedText}, even rounding up with ceil_mode", "Kernel"));
                numerator = padded - effectiveKernel + (stride - 1);
            }
            else if (Bounds.ProvablyLess(Dim.Zero, lastWindowSlack))
            {
                error = constraints.AtLeast(
                    size + axis.Padding,
                    1,
                    $"{op}: the input {axis.Name} plus padding must be at least 1",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: the input {axis.Name} {size} plus padding {axis.Padding} leaves no pooling window", "Kernel"));
                numerator = size + axis.Padding - 1;
            }
            else
            {
                error = new ShapeError(
                    ShapeErrorKind.CannotInfer,
                    $"{op}: with ceil_mode, whether the last window is dropped depends on stride - 1 + padding - dilation * (kernel - 1) = {lastWindowSlack}, which is not known at compile time",
                    "CeilMode");
                return null;
            }
        }
        return error is null ? Dim.FloorDiv(numerator, stride) + 1 : null;
    }
}
