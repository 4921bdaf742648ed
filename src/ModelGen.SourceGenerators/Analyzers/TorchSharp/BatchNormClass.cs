using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// A hand-written batch normalisation: a module class whose forward normalises its input with
/// statistics (mean and variance or standard deviation) computed from the input, and that also has the
/// marks of batch norm rather than layer norm: a branch on <c>training</c>, running statistics
/// ("running"/"moving" members or buffers), a momentum, or BatchNorm in its name. A module that only
/// applies stored statistics (a frozen batch norm) computes none from its input and is not one.
/// </summary>
internal sealed class BatchNormClass
{
    private static readonly string[] Statistics = { "mean", "var", "std", "var_mean", "std_mean" };

    private BatchNormClass(SourceClass source, IMethodSymbol forward, IOperation body, IParameterSymbol input)
    {
        Source = source;
        Forward = forward;
        Body = body;
        Input = input;
    }

    public SourceClass Source { get; }

    public IMethodSymbol Forward { get; }

    public IOperation Body { get; }

    /// <summary>The tensor the forward normalises (its first parameter).</summary>
    public IParameterSymbol Input { get; }

    /// <summary>
    /// Reductions of the input (<c>x.mean(...)</c>, <c>torch.var(x, ...)</c>, ...), in the forward or in a helper
    /// method of the class it calls, each with the operation in the forward that leads to it (itself, or the helper call).
    /// </summary>
    public List<(IInvocationOperation Reduction, IOperation Anchor)> Reductions { get; } = new();

    /// <summary>The branches on <c>training</c> in the forward: (training path, evaluation path) as the values each returns.</summary>
    public List<(IOperation Condition, List<IOperation> TrainingReturns, List<IOperation> EvalReturns)> Branches { get; } = new();

    /// <summary>Tensor members that hold running statistics: named running/moving, or registered as buffers.</summary>
    public HashSet<ISymbol> RunningMembers { get; } = new(SymbolEqualityComparer.Default);

    public static BatchNormClass? Find(SourceClass source, TorchSymbols torch)
    {
        if (source.Forward() is not { } forward || !SymbolEqualityComparer.Default.Equals(forward.Owner.Type, source.Type)
            || forward.Method.Parameters.Length == 0 || !torch.IsTensor(forward.Method.Parameters[0].Type))
        {
            return null;
        }
        var norm = new BatchNormClass(source, forward.Method, forward.Body, forward.Method.Parameters[0]);
        norm.CollectReductions(forward.Body, norm.Input, null, torch, 0);
        foreach (var operation in Values.Descendants(forward.Body))
        {
            if (operation is IConditionalOperation conditional && TrainingTest(conditional.Condition, torch) is { } whenTraining)
            {
                norm.AddBranch(conditional, whenTraining);
            }
        }
        if (!norm.Reductions.Any(r => r.Reduction.TargetMethod.Name is "mean" or "var_mean" or "std_mean"))
        {
            return null;
        }
        norm.CollectRunningMembers(torch);
        bool marked = norm.Branches.Count > 0 || norm.RunningMembers.Count > 0 || norm.Momentum(torch) is not null
            || source.Type.Name.IndexOf("BatchNorm", StringComparison.OrdinalIgnoreCase) >= 0;
        return marked ? norm : null;
    }

    /// <summary>A numeric member named momentum, if the class declares one.</summary>
    public ISymbol? Momentum(TorchSymbols torch) =>
        Source.Type.GetMembers().FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol && !m.IsImplicitlyDeclared
            && m.Name.IndexOf("momentum", StringComparison.OrdinalIgnoreCase) >= 0
            && MemberType(m)?.SpecialType is SpecialType.System_Double or SpecialType.System_Single);

    /// <summary>The tensor a statistic reduces: the receiver of <c>x.mean()</c> or the first argument of <c>torch.mean(x)</c>.</summary>
    public static IOperation? ReducedTensor(IInvocationOperation invocation, TorchSymbols torch) =>
        !invocation.TargetMethod.IsStatic ? invocation.Instance
        : invocation.Arguments.Length > 0 && torch.IsTensor(invocation.Arguments[0].Value.Type) ? Values.Argument(invocation, 0)
        : null;

    /// <summary>Whether <paramref name="value"/> is computed from the forward's input.</summary>
    public bool DependsOnInput(IOperation value, int depth) => DependsOn(value, Input, depth);

    private void CollectReductions(IOperation body, IParameterSymbol input, IOperation? anchor, TorchSymbols torch, int depth)
    {
        foreach (var invocation in Values.Descendants(body).OfType<IInvocationOperation>())
        {
            if (Statistics.Contains(invocation.TargetMethod.Name) && torch.IsTorchSharp(invocation.TargetMethod)
                && ReducedTensor(invocation, torch) is { } reduced && DependsOn(reduced, input, 0))
            {
                Reductions.Add((invocation, anchor ?? invocation));
            }
            else if (depth < 3 && !torch.IsTorchSharp(invocation.TargetMethod)
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType.OriginalDefinition, Source.Type)
                && Source.BodyOf(invocation.TargetMethod) is { } helper)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter && DependsOn(argument.Value, input, 0))
                    {
                        CollectReductions(helper, parameter.OriginalDefinition, anchor ?? invocation, torch, depth + 1);
                    }
                }
            }
        }
    }

    private static bool DependsOn(IOperation value, IParameterSymbol input, int depth)
    {
        if (depth > 6)
        {
            return false;
        }
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.OriginalDefinition, input):
                    return true;
                case ILocalReferenceOperation local:
                    var sources = Values.ReachingValue(local.Local, local) is { } reaching ? new List<IOperation> { reaching } : Values.AllValues(local.Local, local);
                    if (sources is not null && sources.Any(s => DependsOn(s, input, depth + 1)))
                    {
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>Every member of this class read anywhere in <paramref name="values"/>, through locals.</summary>
    public HashSet<ISymbol> MembersRead(IEnumerable<IOperation> values)
    {
        var members = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<(IOperation Value, int Depth)>(values.Select(v => (v, 0)));
        while (pending.Count > 0)
        {
            var (value, depth) = pending.Pop();
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation, Member: IFieldSymbol or IPropertySymbol } member
                    && SymbolEqualityComparer.Default.Equals(member.Member.ContainingType, Source.Type))
                {
                    members.Add(member.Member.OriginalDefinition);
                }
                else if (operation is ILocalReferenceOperation local && depth < 6)
                {
                    var sources = Values.ReachingValue(local.Local, local) is { } reaching ? new List<IOperation> { reaching } : Values.AllValues(local.Local, local);
                    foreach (var source in sources ?? new List<IOperation>())
                    {
                        pending.Push((source, depth + 1));
                    }
                }
            }
        }
        return members;
    }

    public static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    /// <summary>Whether a condition tests <c>training</c>: true when it holds in training mode, false when negated, null when it is something else.</summary>
    private static bool? TrainingTest(IOperation condition, TorchSymbols torch)
    {
        var c = Values.Unwrap(condition);
        switch (c)
        {
            case IPropertyReferenceOperation { Property.Name: "training", Instance: null or IInstanceReferenceOperation } property when torch.IsTorchSharp(property.Property):
                return true;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !TrainingTest(not.Operand, torch);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                when binary.RightOperand.ConstantValue is { HasValue: true, Value: bool constant } && TrainingTest(binary.LeftOperand, torch) is { } left:
                return left == constant == (binary.OperatorKind == BinaryOperatorKind.Equals);
            default:
                return null;
        }
    }

    private void AddBranch(IConditionalOperation conditional, bool whenTraining)
    {
        var trueReturns = Values.BranchValues(conditional, true);
        var falseReturns = Values.BranchValues(conditional, false);
        if (trueReturns.Count == 0 || falseReturns.Count == 0)
        {
            return;
        }
        Branches.Add(whenTraining ? (conditional.Condition, trueReturns, falseReturns) : (conditional.Condition, falseReturns, trueReturns));
    }

    private void CollectRunningMembers(TorchSymbols torch)
    {
        foreach (var member in Source.Type.GetMembers())
        {
            if (member is IFieldSymbol or IPropertySymbol && !member.IsImplicitlyDeclared && torch.IsTensor(MemberType(member))
                && (member.Name.IndexOf("running", StringComparison.OrdinalIgnoreCase) >= 0 || member.Name.IndexOf("moving", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                RunningMembers.Add(member.OriginalDefinition);
            }
        }
        foreach (var method in Source.Methods)
        {
            foreach (var call in Values.Descendants(Source.BodyOf(method)!).OfType<IInvocationOperation>())
            {
                if (call.TargetMethod.Name == "register_buffer" && torch.IsTorchSharp(call.TargetMethod) && call.Arguments.Length >= 2
                    && Values.Unwrap(call.Arguments[1].Value) is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } buffer)
                {
                    RunningMembers.Add(buffer.Member.OriginalDefinition);
                }
            }
        }
    }
}

/// <summary>The common part of the rules about one hand-written batch norm class (MG0107-MG0109): they run once per module class that is one.</summary>
public abstract class BatchNormClassAnalyzer : TorchSharpAnalyzer
{
    /// <inheritdoc />
    private protected sealed override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterSymbolAction(c =>
        {
            // Found once per class for the three rules, which share the compilation's TorchSymbols.
            if (torch.SourceModule((INamedTypeSymbol)c.Symbol) is { } source
                && source.Derived("BatchNormClass", s => new StrongBox<BatchNormClass?>(
                    SourceClass.Mentions(s.Type, "mean", "var_mean", "std_mean") ? BatchNormClass.Find(s, torch) : null)).Value is { } norm)
            {
                Analyze(c, norm, torch);
            }
        }, SymbolKind.NamedType);

    private protected abstract void Analyze(SymbolAnalysisContext context, BatchNormClass norm, TorchSymbols torch);
}
