using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>Residual adds in hand-written blocks: which operand is the block's input, and the layers on the other path.</summary>
internal static class Residual
{
    private static readonly string[] ShapeKeeping =
    {
        "BatchNorm2d", "ReLU", "ReLU6", "LeakyReLU", "GELU", "SiLU", "ELU", "Sigmoid", "Tanh", "Hardswish", "Dropout", "Dropout2d", "Identity",
    };

    private static readonly string[] ShapeKeepingFunctions = { "relu", "relu_", "leaky_relu", "gelu", "silu", "elu", "sigmoid", "tanh", "dropout", "relu6", "hardswish" };

    /// <summary>The input of a block: the first parameter of a module's <c>forward</c> when it is a tensor, or null for any other method.</summary>
    public static IParameterSymbol? BlockInput(ISymbol method, TorchSymbols torch) =>
        method is IMethodSymbol { Name: "forward", Parameters.Length: > 0 } forward
        && torch.IsModule(forward.ContainingType) && torch.IsTensor(forward.Parameters[0].Type)
            ? forward.Parameters[0]
            : null;

    /// <summary>A tensor addition: <c>a + b</c>, <c>a.add(b)</c>, <c>a.add_(b)</c>, <c>torch.add(a, b)</c>.</summary>
    public static bool IsTensorAdd(IOperation operation, TorchSymbols torch) => Operands(operation, torch) is not null;

    /// <summary>The two operands of a tensor addition, or null.</summary>
    public static (IOperation Left, IOperation Right)? Operands(IOperation operation, TorchSymbols torch) => operation switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when torch.IsTensor(binary.LeftOperand.Type) && torch.IsTensor(binary.RightOperand.Type)
            => (binary.LeftOperand, binary.RightOperand),
        IInvocationOperation { TargetMethod.Name: "add" or "add_" } call when !call.TargetMethod.IsStatic && call.Instance is { } left && torch.IsTensor(left.Type)
            && Values.Argument(call, 0) is { } right && torch.IsTensor(right.Type) && torch.IsTorchSharp(call.TargetMethod)
            => (left, right),
        IInvocationOperation { TargetMethod.Name: "add" } call when call.TargetMethod.IsStatic && torch.IsTorchSharp(call.TargetMethod)
            && Values.Argument(call, 0) is { } a && Values.Argument(call, 1) is { } b && torch.IsTensor(a.Type) && torch.IsTensor(b.Type)
            => (a, b),
        _ => null,
    };

    /// <summary>Whether <paramref name="value"/> is the parameter itself, through locals.</summary>
    public static bool IsParameter(IOperation value, IParameterSymbol parameter) =>
        Values.Resolve(value) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);

    /// <summary>Whether <paramref name="value"/> contains an add of the parameter (or of a module applied to it, a projection) to something else, through locals.</summary>
    public static bool AddsIdentity(IOperation value, IParameterSymbol parameter, TorchSymbols torch, int depth = 0)
    {
        if (depth > 6)
        {
            return false;
        }
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (Operands(operation, torch) is ({ } left, { } right) && (IsShortcut(left, parameter, torch) || IsShortcut(right, parameter, torch)))
            {
                return true;
            }
            if (operation is ILocalReferenceOperation local && Values.ReachingValue(local.Local, local) is { } reaching && AddsIdentity(reaching, parameter, torch, depth + 1))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="value"/> depends on the parameter at all, through locals.</summary>
    public static bool DependsOnParameter(IOperation value, IParameterSymbol parameter, int depth = 0)
    {
        if (depth > 6)
        {
            return false;
        }
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }
            if (operation is ILocalReferenceOperation local && Values.ReachingValue(local.Local, local) is { } reaching && DependsOnParameter(reaching, parameter, depth + 1))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether an add operand is the parameter itself or a module applied to it (a projection shortcut), through locals.</summary>
    public static bool IsShortcut(IOperation operand, IParameterSymbol parameter, TorchSymbols torch) =>
        IsParameter(operand, parameter)
        || (Values.Resolve(operand) is IInvocationOperation call && Modules.IsModuleCall(call, torch) && Values.Argument(call, 0) is { } argument && IsParameter(argument, parameter));

    /// <summary>
    /// The layers from the parameter to <paramref name="path"/>, in order, when the path is only module calls of
    /// Conv2d and shape-keeping layers, and shape-keeping functions; null otherwise.
    /// </summary>
    public static List<ModuleRef>? PathLayers(IOperation path, IParameterSymbol parameter, TorchSymbols torch)
    {
        var layers = new List<ModuleRef>();
        var current = path;
        for (int i = 0; i < 32; i++)
        {
            var value = Values.Resolve(current);
            if (value is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                layers.Reverse();
                return layers.Count > 0 ? layers : null;
            }
            if (value is not IInvocationOperation call)
            {
                return null;
            }
            if (Modules.IsModuleCall(call, torch))
            {
                if (Modules.Resolve(call.Instance!, torch) is not { Count: 1 } modules || !(modules[0].BuiltIn == "Conv2d" || ShapeKeeping.Contains(modules[0].BuiltIn))
                    || Values.Argument(call, 0) is not { } argument)
                {
                    return null;
                }
                layers.Add(modules[0]);
                current = argument;
            }
            else if (ShapeKeepingFunctions.Contains(call.TargetMethod.Name) && torch.IsTorchSharp(call.TargetMethod))
            {
                var input = call.TargetMethod.IsStatic ? Values.Argument(call, 0) : call.Instance;
                if (input is null || !torch.IsTensor(input.Type))
                {
                    return null;
                }
                current = input;
            }
            else
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>A Conv2d's hyperparameters as dims: constants, or the constructor parameter they come from (as a symbol).</summary>
    public static (Dim InChannels, Conv2dOptions Options)? ConvOptions(ModuleRef conv)
    {
        if (conv.Creation is not IInvocationOperation creation)
        {
            return null;
        }
        Dim? Get(string name, Dim? fallback)
        {
            var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name);
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return fallback;
            }
            return DimOf(argument.Value);
        }
        if (creation.TargetMethod.Parameters.FirstOrDefault(p => p.Name == "kernel_size")?.Type.SpecialType != SpecialType.System_Int64
            || creation.TargetMethod.Parameters.FirstOrDefault(p => p.Name == "padding")?.Type.SpecialType != SpecialType.System_Int64)
        {
            return null;
        }
        var inChannels = Get("in_channels", null);
        var outChannels = Get("out_channels", null);
        var kernel = Get("kernel_size", null);
        var stride = Get("stride", Dim.One);
        var padding = Get("padding", Dim.Zero);
        var dilation = Get("dilation", Dim.One);
        var groups = Get("groups", Dim.One);
        if (inChannels is null || outChannels is null || kernel is null || stride is null || padding is null || dilation is null || groups is null)
        {
            return null;
        }
        return (inChannels, new Conv2dOptions(outChannels, kernel)
        {
            StrideH = stride, StrideW = stride, PaddingH = padding, PaddingW = padding,
            DilationH = dilation, DilationW = dilation, Groups = groups, InChannels = inChannels,
        });
    }

    /// <summary>A constant, or a constructor parameter as a symbol of its name; null for anything else.</summary>
    public static Dim? DimOf(IOperation value)
    {
        if (Values.ConstantInteger(value) is { } constant)
        {
            return Dim.Const(constant);
        }
        return Values.Resolve(value) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter
            ? Dim.Sym(parameter.Parameter.Name)
            : null;
    }
}
