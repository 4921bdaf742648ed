using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>Which optimizer an expression holds, and whose parameters it was created over.</summary>
internal static class Optimizers
{
    private const int MaxDepth = 6;

    /// <summary>The <c>optim.Adam(...)</c> call (or <c>new ...</c>) that created the optimizer <paramref name="value"/> holds, when there is exactly one.</summary>
    public static IOperation? Creation(IOperation value, TorchSymbols torch, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        var v = Values.Unwrap(value);
        switch (v)
        {
            case IInvocationOperation invocation when invocation.TargetMethod.IsStatic && torch.IsTorchSharp(invocation.TargetMethod) && torch.IsOptimizer(invocation.Type):
                return invocation;
            case IObjectCreationOperation creation when torch.IsOptimizer(creation.Type):
                return creation;
            case ILocalReferenceOperation local:
                if (Values.ReachingValue(local.Local, v) is { } reaching)
                {
                    return Creation(reaching, torch, depth + 1);
                }
                return Values.AllValues(local.Local, v) is { Count: 1 } only ? Creation(only[0], torch, depth + 1) : null;
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
                return torch.SourceType(member.Member.ContainingType)?.ValuesOf(member.Member) is { Length: 1 } values
                    ? Creation(values[0], torch, depth + 1)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The parameters argument of an optimizer's creation.</summary>
    public static IOperation? ParametersArgument(IOperation creation)
    {
        var arguments = creation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation created => created.Arguments,
            _ => default,
        };
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }
        return null;
    }

    /// <summary>
    /// The modules whose parameters <paramref name="parameters"/> holds: <c>m.parameters()</c>, concatenations of
    /// them, and the elements of a Sequential built in sight. Null when any part is something else.
    /// </summary>
    public static HashSet<ISymbol>? Covered(IOperation parameters, TorchSymbols torch, ISymbol? thisSymbol)
    {
        var result = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        return Collect(parameters, torch, thisSymbol, result, 0) ? result : null;
    }

    /// <summary>The modules an optimizer steps, or null when its creation or parameters are not in sight.</summary>
    public static HashSet<ISymbol>? CoveredBy(IOperation optimizer, TorchSymbols torch, ISymbol? thisSymbol) =>
        Creation(optimizer, torch) is { } creation && ParametersArgument(creation) is { } parameters
            ? Covered(parameters, torch, thisSymbol)
            : null;

    private static bool Collect(IOperation value, TorchSymbols torch, ISymbol? thisSymbol, HashSet<ISymbol> result, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }
        var v = Values.Resolve(value);
        if (v is not IInvocationOperation invocation)
        {
            return false;
        }
        switch (invocation.TargetMethod.Name)
        {
            case "parameters" or "named_parameters" when invocation.Instance is { } module && torch.IsModule(module.Type):
                if (Values.RootSymbol(module, thisSymbol) is not { } root)
                {
                    return false;
                }
                result.Add(root);
                AddSequentialElements(module, torch, thisSymbol, result);
                return true;
            case "Concat" or "Union" when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length == 2:
                return Collect(invocation.Arguments[0].Value, torch, thisSymbol, result, depth + 1)
                    && Collect(invocation.Arguments[1].Value, torch, thisSymbol, result, depth + 1);
            case "ToList" or "ToArray" or "AsEnumerable" when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length == 1:
                return Collect(invocation.Arguments[0].Value, torch, thisSymbol, result, depth + 1);
            default:
                return false;
        }
    }

    /// <summary><c>nn.Sequential(g, d).parameters()</c> steps g and d too.</summary>
    private static void AddSequentialElements(IOperation module, TorchSymbols torch, ISymbol? thisSymbol, HashSet<ISymbol> result)
    {
        if (Modules.Resolve(module, torch) is not { } modules)
        {
            return;
        }
        foreach (var m in modules)
        {
            foreach (var element in Modules.SequentialElements(m) ?? new List<IOperation>())
            {
                if (Values.RootSymbol(element, thisSymbol) is { } root)
                {
                    result.Add(root);
                }
            }
        }
    }
}
