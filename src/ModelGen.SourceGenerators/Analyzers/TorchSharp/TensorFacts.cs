using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// What is certainly known about a tensor's shape: its rank, the size of its last dimension, and a number
/// the last size is a multiple of (after flattening [N, ..., 256] it is some multiple of 256).
/// </summary>
internal readonly struct TensorFact
{
    public TensorFact(int? rank, long? last, long? lastMultiple = null)
    {
        Rank = rank;
        Last = last;
        LastMultiple = last ?? lastMultiple;
    }

    public int? Rank { get; }

    public long? Last { get; }

    public long? LastMultiple { get; }

    public static TensorFact Unknown => default;

    /// <summary>After flattening from dimension 1: [N, F], whose F is the old last size when the rank was 2, and a multiple of it otherwise.</summary>
    public TensorFact FlattenedFrom1() => Rank == 2 ? this : new TensorFact(2, null, LastMultiple);
}

/// <summary>
/// Follows a tensor back through locals, layers built from constants (<c>nn.Linear(100, 256)</c>), Sequential
/// elements, flatten, view/reshape, factories and elementwise operations, to what its rank and last
/// size certainly are. Anything else makes the fact unknown.
/// </summary>
internal static class TensorFacts
{
    private const int MaxDepth = 8;

    private static readonly string[] Elementwise =
    {
        "relu", "relu_", "sigmoid", "tanh", "gelu", "silu", "elu", "leaky_relu", "softmax", "log_softmax", "dropout", "neg", "abs", "exp",
        "clone", "detach", "contiguous", "to", "cpu", "cuda",
    };

    private static readonly string[] ShapeKeepingModules =
    {
        "ReLU", "ReLU6", "Sigmoid", "Tanh", "GELU", "LeakyReLU", "ELU", "SELU", "CELU", "SiLU", "Mish", "Softplus", "Hardtanh", "PReLU",
        "Softmax", "LogSoftmax", "Dropout", "AlphaDropout", "Dropout1d", "BatchNorm1d", "LayerNorm", "Identity",
    };

    public static TensorFact Of(IOperation value, TorchSymbols torch, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return TensorFact.Unknown;
        }
        switch (Values.Unwrap(value))
        {
            case ILocalReferenceOperation local:
                return Values.ReachingValue(local.Local, local) is { } reaching ? Of(reaching, torch, depth + 1) : TensorFact.Unknown;
            case IInvocationOperation call when Modules.IsModuleCall(call, torch):
                return Values.Argument(call, 0) is { } input && Modules.Resolve(call.Instance!, torch) is { Count: 1 } modules
                    ? Through(modules[0], Of(input, torch, depth + 1), torch, depth, null)
                    : TensorFact.Unknown;
            case IInvocationOperation call when torch.IsTorchSharp(call.TargetMethod):
                return OfTorchCall(call, torch, depth);
            default:
                return TensorFact.Unknown;
        }
    }

    /// <summary>The fact after a module; <paramref name="visit"/> sees each Sequential element with the fact flowing into it.</summary>
    public static TensorFact Through(ModuleRef module, TensorFact input, TorchSymbols torch, int depth, System.Action<IOperation, ModuleRef, TensorFact>? visit)
    {
        if (Modules.SequentialElements(module) is { } elements)
        {
            var fact = input;
            foreach (var element in elements)
            {
                if (Modules.Resolve(element, torch, depth) is not { Count: 1 } inner)
                {
                    fact = TensorFact.Unknown;
                    continue;
                }
                visit?.Invoke(element, inner[0], fact);
                fact = Through(inner[0], fact, torch, depth + 1, visit);
            }
            return fact;
        }
        switch (module.BuiltIn)
        {
            case "Linear":
                return new TensorFact(input.Rank, Values.ConstantInteger(CreationArgument(module, 1)));
            case "Flatten":
                return FlattenStart(module) == 1 && FlattenEndIsLast(module) ? input.FlattenedFrom1() : TensorFact.Unknown;
            case "Unflatten" when input.Rank is { } rank && Values.ConstantInteger(CreationArgument(module, 0)) is { } dim && Sizes(CreationArgument(module, 1)) is { } sizes:
                return new TensorFact(rank + sizes.Count - 1, dim == rank - 1 ? (sizes[sizes.Count - 1] is long last && last > 0 ? last : null) : input.Last);
            case { } name when ShapeKeepingModules.Contains(name):
                return input;
            default:
                return TensorFact.Unknown;
        }
    }

    /// <summary>nn.Flatten's start dim (default 1), or null when it is not a constant.</summary>
    public static long? FlattenStart(ModuleRef flatten) =>
        CreationArgument(flatten, 0) is { } start ? Values.ConstantInteger(start) : flatten.Creation is null ? null : 1;

    public static bool FlattenEndIsLast(ModuleRef flatten) =>
        CreationArgument(flatten, 1) is not { } end || Values.ConstantInteger(end) == -1;

    /// <summary>The argument of a module's creation bound to the parameter at <paramref name="ordinal"/>, or null when omitted.</summary>
    public static IOperation? CreationArgument(ModuleRef module, int ordinal) =>
        module.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

    /// <summary>The sizes of a shape argument (<c>new long[] { 1, 28, 28 }</c>, a params list), each a constant or null.</summary>
    public static List<long?>? Sizes(IOperation? sizes)
    {
        if (sizes is null)
        {
            return null;
        }
        return Values.Resolve(sizes) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Select(Values.ConstantInteger).ToList(),
            ITupleOperation tuple => tuple.Elements.Select(Values.ConstantInteger).ToList(),
            _ => null,
        };
    }

    /// <summary>The size operations of a shape given as a params list or array (<c>view(-1, 1, 28, 28)</c>).</summary>
    public static IReadOnlyList<IOperation>? SizeOperations(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == (call.TargetMethod.IsStatic ? 1 : 0) && Values.Resolve(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }
        }
        return null;
    }

    private static TensorFact OfTorchCall(IInvocationOperation call, TorchSymbols torch, int depth)
    {
        var method = call.TargetMethod;
        var input = method.IsStatic ? Values.Argument(call, 0) : call.Instance;
        switch (method.Name)
        {
            case "flatten" when input is not null && torch.IsTensor(input.Type):
                var startArgument = Values.Argument(call, method.IsStatic ? 1 : 0);
                var endArgument = Values.Argument(call, method.IsStatic ? 2 : 1);
                long? start = startArgument is null ? 0 : Values.ConstantInteger(startArgument);
                if (endArgument is not null && Values.ConstantInteger(endArgument) != -1)
                {
                    return TensorFact.Unknown;
                }
                var before = Of(input, torch, depth + 1);
                return start switch
                {
                    0 => new TensorFact(1, before.Rank == 1 ? before.Last : null, before.LastMultiple),
                    1 => before.FlattenedFrom1(),
                    _ => TensorFact.Unknown,
                };
            case "view" or "reshape" when !method.IsStatic && SizeOperations(call) is { } sizes:
                var lastSize = Values.ConstantInteger(sizes[sizes.Count - 1]);
                return new TensorFact(sizes.Count, lastSize > 0 ? lastSize : null);
            case "randn" or "rand" or "zeros" or "ones" or "empty" when method.IsStatic && SizeOperations0(call) is { } factorySizes:
                var factoryLast = Values.ConstantInteger(factorySizes[factorySizes.Count - 1]);
                return new TensorFact(factorySizes.Count, factoryLast > 0 ? factoryLast : null);
            case { } name when Elementwise.Contains(name) && input is not null && torch.IsTensor(input.Type) && (method.IsStatic || call.Instance is not null):
                return Of(input, torch, depth + 1);
            default:
                return TensorFact.Unknown;
        }
    }

    /// <summary>A factory's sizes: <c>torch.randn(new long[] { 64, 100 })</c>, or the leading integer arguments of <c>torch.randn(64, 100)</c>.</summary>
    private static IReadOnlyList<IOperation>? SizeOperations0(IInvocationOperation call)
    {
        var arguments = call.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Parameter is not null).OrderBy(a => a.Parameter!.Ordinal).ToList();
        if (arguments.Count > 0 && arguments[0].Parameter!.Ordinal == 0 && Values.Resolve(arguments[0].Value) is IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } initializer })
        {
            return initializer.ElementValues;
        }
        var sizes = new List<IOperation>();
        foreach (var argument in arguments)
        {
            if (argument.Parameter!.Ordinal != sizes.Count || argument.Parameter.Type.SpecialType is not (SpecialType.System_Int64 or SpecialType.System_Int32))
            {
                break;
            }
            sizes.Add(argument.Value);
        }
        return sizes.Count > 0 ? sizes : null;
    }
}
