using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>One module an expression can hold: a TorchSharp module (by type name) or a hand-written one, with the expression that built it when that is known.</summary>
internal sealed class ModuleRef
{
    public ModuleRef(string? builtIn, SourceClass? source, IOperation? creation)
    {
        BuiltIn = builtIn;
        Source = source;
        Creation = creation;
    }

    /// <summary>TorchSharp's type name (<c>Softmax</c>, <c>Sequential</c>, <c>BatchNorm2d</c>), or null for a hand-written module.</summary>
    public string? BuiltIn { get; }

    /// <summary>The hand-written module class, or null for a TorchSharp module.</summary>
    public SourceClass? Source { get; }

    /// <summary>The factory call (<c>nn.Conv2d(...)</c>) or object creation that built it, when known.</summary>
    public IOperation? Creation { get; }

    /// <summary>The arguments of the creation, by parameter name.</summary>
    public IReadOnlyList<IArgumentOperation> Arguments => Creation switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => System.Array.Empty<IArgumentOperation>(),
    };

    public bool Is(params string[] names) => BuiltIn is not null && names.Contains(BuiltIn);
}

/// <summary>Resolves module-valued expressions (<c>conv1</c>, <c>this.head</c>, <c>model</c>, <c>nn.Softmax(1)</c>) to the modules they hold.</summary>
internal static class Modules
{
    private const int MaxDepth = 6;

    /// <summary>Every module <paramref name="value"/> can hold, or null when any of them is unknown.</summary>
    public static List<ModuleRef>? Resolve(IOperation value, TorchSymbols torch, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        var v = Values.Unwrap(value);
        switch (v)
        {
            case IInvocationOperation invocation when invocation.TargetMethod.IsStatic && torch.IsTorchSharp(invocation.TargetMethod) && torch.IsModule(invocation.Type):
                return One(new ModuleRef(invocation.Type!.Name, null, invocation));
            case IInvocationOperation helper when !torch.IsTorchSharp(helper.TargetMethod) && torch.IsModule(helper.Type)
                && torch.SourceType(helper.TargetMethod.ContainingType)?.BodyOf(helper.TargetMethod) is { } body:
                // A helper that builds the module: Build() => nn.Sequential(...).
                return Union(Values.ReturnValues(body), torch, depth) ?? ByType(v.Type, torch);
            case IObjectCreationOperation creation when torch.IsModule(creation.Type):
                return One(torch.SourceModule(creation.Type) is { } created
                    ? new ModuleRef(null, created, creation)
                    : new ModuleRef(torch.BuiltInModuleName(creation.Type), null, creation));
            case ILocalReferenceOperation local:
                if (Values.ReachingValue(local.Local, v) is { } reaching)
                {
                    return Resolve(reaching, torch, depth + 1);
                }
                return Union(Values.AllValues(local.Local, v), torch, depth) ?? ByType(v.Type, torch);
            case IFieldReferenceOperation field:
                return Union(torch.SourceType(field.Field.ContainingType)?.ValuesOf(field.Field), torch, depth) ?? ByType(v.Type, torch);
            case IPropertyReferenceOperation property:
                return Union(torch.SourceType(property.Property.ContainingType)?.ValuesOf(property.Property), torch, depth) ?? ByType(v.Type, torch);
            case IInstanceReferenceOperation:
                return ByType(v.Type, torch);
            default:
                return ByType(v.Type, torch);
        }
    }

    /// <summary>Whether every module <paramref name="value"/> can hold satisfies <paramref name="predicate"/> (false when unknown).</summary>
    public static bool All(IOperation value, TorchSymbols torch, System.Func<ModuleRef, bool> predicate) =>
        Resolve(value, torch) is { Count: > 0 } modules && modules.All(predicate);

    /// <summary>The modules passed to a Sequential's creation (<c>nn.Sequential(a, b)</c>, also as <c>("name", module)</c> tuples), in order.</summary>
    public static List<IOperation>? SequentialElements(ModuleRef sequential)
    {
        if (sequential.BuiltIn != "Sequential" || sequential.Creation is not IInvocationOperation invocation)
        {
            return null;
        }
        var elements = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && Values.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    elements.Add(ElementModule(element));
                }
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return null;
            }
        }
        return elements;
    }

    /// <summary>The module of a Sequential element: the element itself, or the second item of a <c>("name", module)</c> tuple.</summary>
    public static IOperation ElementModule(IOperation element)
    {
        var e = Values.Unwrap(element);
        return e is ITupleOperation { Elements.Length: 2 } tuple ? tuple.Elements[1] : e;
    }

    /// <summary>Whether <paramref name="invocation"/> runs a module: <c>m.call(...)</c> or <c>m.forward(...)</c>.</summary>
    public static bool IsModuleCall(IInvocationOperation invocation, TorchSymbols torch) =>
        invocation.TargetMethod.Name is "call" or "forward"
        && invocation.Instance is { } instance
        && torch.IsModule(instance.Type);

    private static List<ModuleRef>? Union(IEnumerable<IOperation>? values, TorchSymbols torch, int depth)
    {
        if (values is null)
        {
            return null;
        }
        var result = new List<ModuleRef>();
        foreach (var value in values)
        {
            if (Resolve(value, torch, depth + 1) is not { } modules)
            {
                return null;
            }
            result.AddRange(modules);
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>A module known only by its static type: a hand-written class, or a sealed TorchSharp module.</summary>
    private static List<ModuleRef>? ByType(ITypeSymbol? type, TorchSymbols torch)
    {
        if (torch.SourceModule(type) is { } source)
        {
            return One(new ModuleRef(null, source, null));
        }
        return type is INamedTypeSymbol { IsSealed: true } named && torch.BuiltInModuleName(named) is { } name
            ? One(new ModuleRef(name, null, null))
            : null;
    }

    private static List<ModuleRef> One(ModuleRef module) => new() { module };
}
