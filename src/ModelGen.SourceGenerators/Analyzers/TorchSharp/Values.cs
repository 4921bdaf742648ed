using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// Where a value in a method body comes from. Only straight-line facts are trusted: a local's value is
/// the last write before the use when that write always runs before it (not under an <c>if</c>, a loop
/// or a lambda of its own) and no later write can reach the use through a loop. Anything else is
/// "unknown", and the rules stay silent on unknowns.
/// </summary>
internal static class Values
{
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>> Writes = new();

    /// <summary>Strips conversions, parentheses and the null-forgiving/implicit wrappers around a value.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The root of the method, accessor, lambda or initializer that <paramref name="operation"/> is part of.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
            current = parent;
        }
        return current;
    }

    /// <summary>
    /// The value a local holds where <paramref name="use"/> reads it, when a single write certainly
    /// provides it; otherwise null.
    /// </summary>
    public static IOperation? ReachingValue(ILocalSymbol local, IOperation use) =>
        ReachingWrite(local, use) is { } write ? WriteValue(write) : null;

    /// <summary>
    /// The write (declaration, assignment, deconstruction) that certainly provides a local's value where
    /// <paramref name="use"/> reads it, or null.
    /// </summary>
    public static IOperation? ReachingWrite(ILocalSymbol local, IOperation use)
    {
        var writes = WritesOf(local, Root(use));
        int useStart = use.Syntax.SpanStart;
        IOperation? last = null;
        foreach (var write in writes)
        {
            if (write.Syntax.Span.End <= useStart && (last is null || write.Syntax.SpanStart > last.Syntax.SpanStart))
            {
                last = write;
            }
        }
        if (last is null || last is IForEachLoopOperation || last is IAssignmentOperation and not ISimpleAssignmentOperation and not IDeconstructionAssignmentOperation)
        {
            return null;
        }
        var common = CommonAncestor(last, use);
        if (common is null || IsConditionalBetween(last, common))
        {
            return null;
        }
        // A write after the use reaches it on the next iteration of a loop that contains both.
        foreach (var write in writes)
        {
            if (write.Syntax.SpanStart > useStart && CommonAncestor(write, use) is { } shared && InLoop(shared))
            {
                return null;
            }
        }
        return last;
    }

    /// <summary>For a local declared by deconstruction (<c>var (o, h, c) = lstm.call(x);</c>): the deconstructed value and the local's position in it.</summary>
    public static (IOperation Value, int Index)? DeconstructedFrom(ILocalSymbol local, IOperation use)
    {
        if (ReachingWrite(local, use) is not IDeconstructionAssignmentOperation deconstruction)
        {
            return null;
        }
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation tuple)
        {
            return null;
        }
        for (int i = 0; i < tuple.Elements.Length; i++)
        {
            var element = tuple.Elements[i] is IDeclarationExpressionOperation d ? d.Expression : tuple.Elements[i];
            if (element is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return (deconstruction.Value, i);
            }
        }
        return null;
    }

    /// <summary>Every value ever written to <paramref name="local"/> in its method, or null when one of the writes is not a plain assignment.</summary>
    public static List<IOperation>? AllValues(ILocalSymbol local, IOperation anyUse)
    {
        var result = new List<IOperation>();
        foreach (var write in WritesOf(local, Root(anyUse)))
        {
            if (WriteValue(write) is not { } value)
            {
                return null;
            }
            result.Add(value);
        }
        return result;
    }

    /// <summary>Follows locals (through their reaching write) until a value that is not a local read.</summary>
    public static IOperation Resolve(IOperation operation, int limit = 8)
    {
        var current = Unwrap(operation);
        for (int i = 0; i < limit && current is ILocalReferenceOperation local; i++)
        {
            if (ReachingValue(local.Local, current) is not { } value)
            {
                return current;
            }
            current = Unwrap(value);
        }
        return current;
    }

    /// <summary>The symbol a module or tensor expression names: a local, a parameter, a field or property (through <c>this</c> or another instance), or <c>this</c>.</summary>
    public static ISymbol? RootSymbol(IOperation? operation, ISymbol? thisSymbol)
    {
        switch (operation is null ? null : Unwrap(operation))
        {
            case ILocalReferenceOperation local:
                return local.Local;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case IFieldReferenceOperation field:
                return field.Field;
            case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                return property.Property;
            case IInstanceReferenceOperation:
                return thisSymbol;
            default:
                return null;
        }
    }

    public static IOperation? CommonAncestor(IOperation a, IOperation b)
    {
        var ancestors = new HashSet<IOperation>();
        for (var x = a; x is not null; x = x.Parent)
        {
            ancestors.Add(x);
        }
        for (var y = b; y is not null; y = y.Parent)
        {
            if (ancestors.Contains(y))
            {
                return y;
            }
        }
        return null;
    }

    /// <summary>Whether anything between <paramref name="operation"/> and its ancestor <paramref name="stop"/> runs only sometimes (a loop counts unless <paramref name="loops"/> is false).</summary>
    public static bool IsConditionalBetween(IOperation operation, IOperation stop, bool loops = true)
    {
        for (var x = operation.Parent; x is not null && x != stop; x = x.Parent)
        {
            if (loops && x is ILoopOperation)
            {
                return true;
            }
            if (x is IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or ICoalesceOperation
                or IConditionalAccessOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or ICatchClauseOperation
                || x is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr })
            {
                return true;
            }
        }
        return false;
    }

    public static bool InLoop(IOperation operation)
    {
        for (var x = operation; x is not null; x = x.Parent)
        {
            if (x is ILoopOperation)
            {
                return true;
            }
            if (x is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The statement-level operations of a body in source order, not entering lambdas or local functions.</summary>
    public static IEnumerable<IOperation> Descendants(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            if (current != root && current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }
            var children = current.ChildOperations.ToList();
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>The values a body returns (an expression body is one implicit return), not counting lambdas and local functions.</summary>
    public static List<IOperation> ReturnValues(IOperation body) =>
        Descendants(body).OfType<IReturnOperation>()
            .Where(r => r.Kind == OperationKind.Return && r.ReturnedValue is not null)
            .Select(r => r.ReturnedValue!)
            .ToList();

    /// <summary>The integer a value certainly holds (a constant, or a local whose reaching write is one), or null.</summary>
    public static long? ConstantInteger(IOperation? value)
    {
        if (value is null)
        {
            return null;
        }
        var resolved = Resolve(value);
        return resolved.ConstantValue is { HasValue: true, Value: { } constant } && constant is int or long or short or sbyte
            ? System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// The values one branch of an <c>if</c> or <c>?:</c> produces: the branch itself for <c>?:</c>; for an <c>if</c>,
    /// its returns, or (an <c>if</c> with no else that returns) the returns after it in the same block, or
    /// the values it assigns to locals and parameters.
    /// </summary>
    public static List<IOperation> BranchValues(IConditionalOperation conditional, bool whenTrue)
    {
        var branch = whenTrue ? conditional.WhenTrue : conditional.WhenFalse;
        if (conditional.Type is not null)
        {
            return branch is null ? new List<IOperation>() : new List<IOperation> { branch };
        }
        if (branch is null)
        {
            bool thenReturns = ReturnValues(conditional.WhenTrue).Count > 0;
            return thenReturns && conditional.Parent is IBlockOperation block
                ? block.Operations.SkipWhile(o => o != conditional).Skip(1).SelectMany(ReturnValues).ToList()
                : new List<IOperation>();
        }
        var returns = ReturnValues(branch);
        return returns.Count > 0
            ? returns
            : Descendants(branch).OfType<ISimpleAssignmentOperation>().Where(a => a.Target is ILocalReferenceOperation or IParameterReferenceOperation).Select(a => a.Value).ToList();
    }

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/>, or null when it is omitted.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }
        return null;
    }

    private static List<IOperation> WritesOf(ILocalSymbol local, IOperation root)
    {
        var table = Writes.GetValue(root, Index);
        return table.TryGetValue(local, out var list) ? list : new List<IOperation>();
    }

    private static Dictionary<ILocalSymbol, List<IOperation>> Index(IOperation root)
    {
        var table = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        void Add(ILocalSymbol local, IOperation write)
        {
            if (!table.TryGetValue(local, out var list))
            {
                table[local] = list = new List<IOperation>();
            }
            list.Add(write);
        }
        foreach (var operation in Descendants(root))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: not null } declarator:
                    Add(declarator.Symbol, declarator);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(target.Local, assignment);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        Add(target.Local, deconstruction);
                    }
                    break;
                case IDeclarationExpressionOperation declaration when declaration.Parent is not (IDeconstructionAssignmentOperation or ITupleOperation):
                    foreach (var target in declaration.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        Add(target.Local, declaration);
                    }
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation incremented } increment:
                    Add(incremented.Local, increment);
                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        Add(local, loop);
                    }
                    break;
            }
        }
        return table;
    }

    /// <summary>The value a write stores, or null when it is not a plain store (compound assignment, out argument, deconstruction, loop variable).</summary>
    private static IOperation? WriteValue(IOperation write) => write switch
    {
        IVariableDeclaratorOperation declarator => declarator.Initializer?.Value,
        ISimpleAssignmentOperation assignment => assignment.Value,
        _ => null,
    };
}
