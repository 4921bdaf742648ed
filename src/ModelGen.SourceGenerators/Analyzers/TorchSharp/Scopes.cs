using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>Scopes that change how tensors behave: <c>torch.no_grad()</c> and <c>torch.inference_mode()</c>.</summary>
internal static class Scopes
{
    /// <summary>
    /// Whether <paramref name="operation"/> runs with gradients off: inside <c>using (torch.no_grad()) { ... }</c>
    /// or after <c>using var _ = torch.no_grad();</c> in an enclosing block (also <c>inference_mode()</c>).
    /// </summary>
    public static bool InNoGrad(IOperation operation, TorchSymbols torch) => NoGradScope(operation, torch) is not null;

    /// <summary>The outermost statement that turns gradients off around <paramref name="operation"/>, or null.</summary>
    public static IOperation? NoGradScope(IOperation operation, TorchSymbols torch)
    {
        IOperation? found = null;
        var child = operation;
        for (var x = operation.Parent; x is not null; child = x, x = x.Parent)
        {
            if (x is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }
            if (x is IUsingOperation { Resources: { } resource } @using && child != resource && TurnsGradOff(resource, torch))
            {
                found = @using;
            }
            if (x is IBlockOperation block)
            {
                foreach (var statement in block.Operations)
                {
                    if (statement == child)
                    {
                        break;
                    }
                    if (statement is IUsingDeclarationOperation declaration && TurnsGradOff(declaration.DeclarationGroup, torch))
                    {
                        found = statement;
                    }
                }
            }
        }
        return found;
    }

    private static bool TurnsGradOff(IOperation resource, TorchSymbols torch) =>
        resource.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i =>
            i.TargetMethod.Name is "no_grad" or "inference_mode" && i.TargetMethod.IsStatic && torch.IsTorchSharp(i.TargetMethod)
            && !(i.TargetMethod.Name == "inference_mode" && i.Arguments.Any(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Value.ConstantValue is { HasValue: true, Value: false })));
}
