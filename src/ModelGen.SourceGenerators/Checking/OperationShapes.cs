using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Models;
using ModelGen.SourceGenerators.Parsing;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>The outcome of a torch operation in a forward body: a shape result, or why it cannot be checked.</summary>
internal readonly struct OperationResult
{
    private OperationResult(ShapeResult shape, string? unsupported)
    {
        Shape = shape;
        Unsupported = unsupported;
    }

    public ShapeResult Shape { get; }

    public string? Unsupported { get; }

    public static implicit operator OperationResult(ShapeResult shape) => new(shape, null);

    public static OperationResult NotSupported(string reason) => new(ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidDimension, reason, null)), reason);
}

/// <summary>Maps each torch operation of a forward body (by canonical name) to its shape-engine rule.</summary>
internal static class OperationShapes
{
    public static OperationResult Apply(string name, List<Value> operands, List<Shape> tensors, EquatableArray<HyperParameter> arguments)
    {
        if (TorchOperations.ShapePreserving.Contains(name))
        {
            return ShapeResult.Ok(tensors[0]);
        }
        if (TorchOperations.InPlace.Contains(name))
        {
            return InPlace(name, tensors);
        }
        switch (name)
        {
            case "softmax":
            case "log_softmax":
                if (Integer(arguments, "dim") is not { } softmaxDim)
                {
                    return OperationResult.NotSupported("'dim' must be a constant");
                }
                var softmax = SoftmaxRule.Apply(tensors[0], new SoftmaxOptions(softmaxDim));
                return softmax.Success ? ShapeResult.Ok(softmax.Output!) : ShapeResult.Fail(softmax.Error!);
            case "add":
            case "sub":
            case "mul":
            case "div":
                return tensors.Count == 2 ? Broadcast.Apply(tensors[0], tensors[1]) : ShapeResult.Ok(tensors[0]);
            case "cat":
                if (operands.Count != 1 || operands[0].Items is not { } items || items.Any(i => i.Shape is null))
                {
                    return OperationResult.NotSupported("cat takes an array or collection expression of tensors, such as new[] { a, b }");
                }
                return Cat.Apply(items.Select(i => i.Shape!).ToList(), Integer(arguments, "dim") ?? 0);
            case "matmul":
                return tensors.Count == 2 ? MatMul.Apply(tensors[0], tensors[1]) : OperationResult.NotSupported("matmul takes two tensors");
            case "view":
            case "reshape":
                return Reshape(operands, tensors, arguments);
            case "flatten":
                return Flatten.Apply(tensors[0], Integer(arguments, "start_dim") ?? 0, Integer(arguments, "end_dim") ?? -1);
            case "transpose":
                return Integer(arguments, "dim0") is { } dim0 && Integer(arguments, "dim1") is { } dim1
                    ? Transpose.Apply(tensors[0], dim0, dim1)
                    : OperationResult.NotSupported("both dimensions must be constants");
            case "permute":
                return Integers(arguments, "permutation") is { } permutation
                    ? Permute.Apply(tensors[0], permutation)
                    : OperationResult.NotSupported("the permutation must be constant");
            case "squeeze":
                return Squeeze.Apply(tensors[0], Integer(arguments, "dim"));
            case "unsqueeze":
                return Integer(arguments, "dim") is { } unsqueezeDim
                    ? Unsqueeze.Apply(tensors[0], unsqueezeDim)
                    : OperationResult.NotSupported("'dim' must be a constant");
            case "mean":
            case "sum":
            case "var":
            case "std":
                var dims = Integers(arguments, "dimensions") ?? Integers(arguments, "dim")
                    ?? new[] { "dim0", "dim1", "dim2" }.Select(d => Integer(arguments, d)).Where(d => d.HasValue).Select(d => d!.Value).ToArray();
                return Reduce.Apply(tensors[0], dims, Flag(arguments, "keepdim"));
            case "select":
                return Integer(arguments, "dim") is { } selectDim && Integer(arguments, "index") is { } index
                    ? Select.Apply(tensors[0], selectDim, Dim.Const(index))
                    : OperationResult.NotSupported("'dim' and 'index' must be constants");
            case "narrow":
                return Integer(arguments, "dim") is { } narrowDim && Integer(arguments, "start") is { } start && Integer(arguments, "length") is { } length
                    ? Narrow.Apply(tensors[0], narrowDim, Dim.Const(start), Dim.Const(length))
                    : OperationResult.NotSupported("'dim', 'start' and 'length' must be constants");
            case "stack":
                if (operands.Count != 1 || operands[0].Items is not { } stacked || stacked.Any(i => i.Shape is null))
                {
                    return OperationResult.NotSupported("stack takes an array or collection expression of tensors, such as new[] { a, b }");
                }
                return Stack.Apply(stacked.Select(i => i.Shape!).ToList(), Integer(arguments, "dim") ?? 0);
            default:
                return OperationResult.NotSupported("'" + name + "' has no shape rule");
        }
    }

    /// <summary>An in-place update keeps the receiver's shape, so the other operand must broadcast to exactly that shape.</summary>
    private static OperationResult InPlace(string name, List<Shape> tensors)
    {
        if (tensors.Count < 2)
        {
            return ShapeResult.Ok(tensors[0]);
        }
        var broadcast = Broadcast.Apply(tensors[0], tensors[1]);
        if (broadcast.Success && broadcast.Output is not null && !broadcast.Output.Equals(tensors[0]))
        {
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.NotBroadcastable,
                $"{name} updates a tensor of shape {tensors[0]} in place, but with {tensors[1]} the result would be {broadcast.Output}"));
        }
        return broadcast;
    }

    private static OperationResult Reshape(List<Value> operands, List<Shape> tensors, EquatableArray<HyperParameter> arguments)
    {
        if (Integers(arguments, "shape") is { } constant)
        {
            return ModelGen.Shapes.Reshape.Apply(tensors[0], constant.Select(Dim.Const).ToList());
        }
        if (operands.Count == 2 && operands[1].Items is { } sizes && sizes.All(s => s.Dim is not null))
        {
            return ModelGen.Shapes.Reshape.Apply(tensors[0], sizes.Select(s => s.Dim!).ToList());
        }
        return OperationResult.NotSupported("the target shape must list constants and sizes read from tensors (x.shape[0], x.size(1))");
    }

    private static long? Integer(EquatableArray<HyperParameter> arguments, string name) =>
        arguments.FirstOrDefault(a => a.Name == name)?.Value is { Kind: HyperValueKind.Integer } value ? value.Integers[0] : null;

    private static long[]? Integers(EquatableArray<HyperParameter> arguments, string name) =>
        arguments.FirstOrDefault(a => a.Name == name)?.Value switch
        {
            { Kind: HyperValueKind.IntegerArray } array => array.Integers.ToArray(),
            { Kind: HyperValueKind.Integer } single => new[] { single.Integers[0] },
            _ => null,
        };

    private static bool Flag(EquatableArray<HyperParameter> arguments, string name) =>
        arguments.FirstOrDefault(a => a.Name == name)?.Value is { Kind: HyperValueKind.Boolean, Flag: true };
}
