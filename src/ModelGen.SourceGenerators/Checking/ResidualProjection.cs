using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// Whether a residual add that failed to broadcast (MG0002) is fixed by a projection shortcut: one operand is a
/// declared input on its identity path (no layer on the way), the other comes through layers, and a 1x1 Conv2d
/// with a stride, followed by a BatchNorm2d, maps the input to exactly the other operand's shape. The facts go to
/// the diagnostic's properties, which the code fix reads.
/// </summary>
internal static class ResidualProjection
{
    /// <summary>The projection's out_channels: an integer constant, or the name of an integer hyperparameter.</summary>
    public const string ChannelsProperty = "ProjectionChannels";

    /// <summary>The projection's stride (1 when only the channels change).</summary>
    public const string StrideProperty = "ProjectionStride";

    /// <summary>Where the shortcut operand starts, counted from the start of the reported add.</summary>
    public const string ShortcutStartProperty = "ProjectionShortcutStart";

    /// <summary>The shortcut operand's length.</summary>
    public const string ShortcutLengthProperty = "ProjectionShortcutLength";

    /// <summary>The declared input the shortcut carries.</summary>
    public const string InputProperty = "ProjectionInput";

    /// <summary>Strides tried; each is checked against the shape engine, so only an exact fit is offered.</summary>
    private const int MaxStride = 8;

    /// <summary>The properties for a failing <paramref name="add"/>, or none when a projection does not fit.</summary>
    public static EquatableArray<IssueProperty> Find(ModelSpec spec, ModelScope scope, IReadOnlyList<Shape> inputs, ForwardNode add, IReadOnlyList<Value> operands)
    {
        // An instance's sizes are bound by the enclosing model: its issues are not fixed in the block's own source from here.
        if (scope.IsInstance || add.Name is not ("add" or "add_") || operands.Count != 2 || add.Operands.Count != 2)
        {
            return EquatableArray<IssueProperty>.Empty;
        }
        for (int i = 0; i < 2; i++)
        {
            // The receiver of an in-place add is the tensor updated: projecting it would drop the update.
            if (add.Name == "add_" && i == 0)
            {
                continue;
            }
            var path = operands[1 - i];
            if (IdentityInput(spec, inputs, operands[i]) is not { } input
                || path.Shape is not { Rank: 4 } target
                || !path.ThroughLayers
                || Channels(spec, target[1]) is not { } channels
                || Stride(operands[i].Shape!, target) is not { } stride)
            {
                continue;
            }
            var shortcut = add.Operands[i];
            return new EquatableArray<IssueProperty>(new[]
            {
                new IssueProperty(ChannelsProperty, channels),
                new IssueProperty(StrideProperty, stride.ToString(CultureInfo.InvariantCulture)),
                new IssueProperty(ShortcutStartProperty, (shortcut.Span.Start - add.Span.Start).ToString(CultureInfo.InvariantCulture)),
                new IssueProperty(ShortcutLengthProperty, shortcut.Span.Length.ToString(CultureInfo.InvariantCulture)),
                new IssueProperty(InputProperty, input),
            });
        }
        return EquatableArray<IssueProperty>.Empty;
    }

    /// <summary>The input a value is, unchanged in shape and reached through no layer (the identity path), or null.</summary>
    private static string? IdentityInput(ModelSpec spec, IReadOnlyList<Shape> inputs, Value value)
    {
        var sources = value.AllSources().Distinct().ToList();
        if (value.Shape is not { Rank: 4 } shape || sources.Count != 1 || !sources[0].StartsWith("input:", System.StringComparison.Ordinal))
        {
            return null;
        }
        string name = sources[0].Substring("input:".Length);
        for (int i = 0; i < spec.Inputs.Count && i < inputs.Count; i++)
        {
            if (spec.Inputs[i].Name == name && value.Skips.Contains(sources[0]) && shape.Equals(inputs[i]))
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>The channel count as the fix writes it: a constant, or an integer hyperparameter's name; null for anything else.</summary>
    private static string? Channels(ModelSpec spec, Dim channels)
    {
        if (channels.ConstantValue is { } constant)
        {
            return constant > 0 ? constant.ToString(CultureInfo.InvariantCulture) : null;
        }
        return spec.Hyperparameters.FirstOrDefault(h => h.IsInteger && channels.Equals(Dim.Sym(h.Name)))?.Name;
    }

    /// <summary>The smallest stride whose 1x1 convolution maps <paramref name="shortcut"/> to exactly <paramref name="target"/>, or null.</summary>
    private static int? Stride(Shape shortcut, Shape target)
    {
        for (int stride = 1; stride <= MaxStride; stride++)
        {
            var projected = Conv2dRule.Apply(shortcut, new Conv2dOptions(target[1], Dim.One) { StrideH = Dim.Const(stride), StrideW = Dim.Const(stride), Bias = false });
            if (projected.Success && target.Equals(projected.Output))
            {
                return stride;
            }
        }
        return null;
    }
}
