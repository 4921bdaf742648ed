using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0003 and MG0010 for hand-written modules (the seed's disconnected models, Q4 line 149, Q5 185, Q7 256,
/// Q8 296): a tensor parameter of <c>forward</c> that no returned value depends on, and a private module
/// field or property that nothing in the class ever reads. The parameter's dependents are collected
/// without regard to order (a local that is ever assigned from it depends on it, and so on), so a use
/// anywhere counts; a use the rule cannot see through (an unknown method, a field, a lambda, ref/out)
/// makes it silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisconnectedModuleAnalyzer : TorchSharpAnalyzer
{
    /// <summary>Methods that enumerate a module's submodules: a class calling one may reach any field through it.</summary>
    private static readonly string[] Enumerators = { "children", "named_children", "modules", "named_modules", "get_submodule", "_internal_submodules" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InputNeverUsed, DiagnosticDescriptors.LayerNeverUsed);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch)
    {
        var compilation = context.Compilation;
        var baseNames = new System.Lazy<HashSet<string>>(() => BaseTypeNames(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        context.RegisterSymbolAction(c => Analyze(c, torch, baseNames), SymbolKind.NamedType);
    }

    /// <summary>The simple names in the base lists of every class of the compilation: a class named there may have subclasses.</summary>
    private static HashSet<string> BaseTypeNames(Compilation compilation)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var baseList in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<BaseListSyntax>())
            {
                foreach (var baseType in baseList.Types)
                {
                    foreach (var name in baseType.Type.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
                    {
                        names.Add(name.Identifier.ValueText);
                    }
                }
            }
        }
        return names;
    }

    private static void Analyze(SymbolAnalysisContext context, TorchSymbols torch, System.Lazy<HashSet<string>> baseNames)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || !torch.IsModule(type) || torch.SourceModule(type) is not { } source
            || type.GetAttributes().Any(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "ModelGen"))
        {
            // ModelGen's own [Model] classes get MG0003/MG0010 from ModelAnalyzer.
            return;
        }
        // A forward that subclasses may replace (an abstract or unsealed class that some class derives from) can
        // ignore a parameter by design, as a default.
        if (!type.IsAbstract && (type.IsSealed || !baseNames.Value.Contains(type.Name)))
        {
            foreach (var method in source.Methods)
            {
                if (method.Name == "forward" && !method.IsStatic && !method.IsAbstract && !(method.IsVirtual && !method.IsOverride && !type.IsSealed)
                    && source.BodyOf(method) is { } body)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        if (torch.IsTensor(parameter.Type) && ParameterIsLost(parameter, body, source, torch))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.InputNeverUsed, parameter.Locations[0], parameter.Name, type.Name));
                        }
                    }
                }
            }
        }
        foreach (var member in UnreadModules(type, torch, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LayerNeverUsed, member.Locations[0], member.Name, type.Name));
        }
    }

    /// <summary>Whether no value <paramref name="body"/> returns depends on <paramref name="parameter"/>, certainly.</summary>
    private static bool ParameterIsLost(IParameterSymbol parameter, IOperation body, SourceClass source, TorchSymbols torch)
    {
        var returns = Values.ReturnValues(body).Where(r => Values.Unwrap(r) is not IThrowOperation).ToList();
        if (returns.Count == 0)
        {
            return false;
        }
        var tainted = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { parameter };
        var all = body.DescendantsAndSelf().ToList();
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var operation in all)
            {
                if (!References(operation, tainted))
                {
                    continue;
                }
                var targets = new List<ISymbol>();
                if (Usage(operation, source, torch, targets) != Use.Flows)
                {
                    // A use the rule cannot follow, or the parameter choosing what is returned: counted as reaching.
                    return false;
                }
                foreach (var target in targets)
                {
                    changed |= tainted.Add(target);
                }
            }
        }
        return !returns.Any(r => r.DescendantsAndSelf().Any(o => References(o, tainted)));
    }

    /// <summary>Whether <paramref name="operation"/> reads one of <paramref name="symbols"/> directly (not through its children).</summary>
    private static bool References(IOperation operation, HashSet<ISymbol> symbols) => operation switch
    {
        IParameterReferenceOperation p => symbols.Contains(p.Parameter),
        ILocalReferenceOperation l => symbols.Contains(l.Local),
        _ => false,
    };

    private enum Use
    {
        Flows,
        Uncertain,
        Condition,
    }

    /// <summary>
    /// What a read of a tainted local or parameter taints: walking up from the read, every local the enclosing
    /// expression is stored into, and the receivers and local arguments of the calls it is passed to.
    /// </summary>
    private static Use Usage(IOperation read, SourceClass source, TorchSymbols torch, List<ISymbol> targets)
    {
        IOperation current = read;
        for (var parent = read.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return Use.Uncertain;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }:
                    return Use.Uncertain;
                case IInvocationOperation invocation:
                    if (!IsKnownCall(invocation, source, torch))
                    {
                        return Use.Uncertain;
                    }
                    // An in-place tensor method (h.add_(x)) or a collection's Add puts the value into its receiver.
                    AddRoot(invocation.Instance, targets);
                    foreach (var argument in invocation.Arguments)
                    {
                        AddRoot(argument.Value, targets);
                    }
                    break;
                case IObjectCreationOperation creation when !torch.IsTorchSharp(creation.Type) && !IsSystem(creation.Type):
                    return Use.Uncertain;
                case IVariableDeclaratorOperation declarator:
                    targets.Add(declarator.Symbol);
                    return Use.Flows;
                case IAssignmentOperation assignment when assignment.Value == current:
                    if (RootLocal(assignment.Target) is not { } root)
                    {
                        return Use.Uncertain;
                    }
                    targets.Add(root);
                    break;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Value == current:
                    targets.AddRange(deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Select(l => l.Local));
                    break;
                case IForEachLoopOperation loop when loop.Collection == current:
                    targets.AddRange(loop.Locals);
                    return Use.Flows;
                case IConditionalOperation conditional when conditional.Condition == current:
                case IWhileLoopOperation whileLoop when whileLoop.Condition == current:
                case IForLoopOperation forLoop when forLoop.Condition == current:
                case ISwitchOperation switchOperation when switchOperation.Value == current:
                case ISwitchExpressionOperation switchExpression when switchExpression.Value == current:
                case ICoalesceOperation coalesce when coalesce.Value == current:
                    return Use.Condition;
                case IReturnOperation or IExpressionStatementOperation or IBlockOperation or IMethodBodyOperation:
                    return Use.Flows;
                case IThrowOperation:
                    return Use.Uncertain;
            }
        }
        return Use.Flows;
    }

    /// <summary>A call whose effect on its arguments the rule knows: TorchSharp's, a module's forward, System's, or a helper of the class without side effects on fields.</summary>
    private static bool IsKnownCall(IInvocationOperation invocation, SourceClass source, TorchSymbols torch)
    {
        var method = invocation.TargetMethod;
        if (torch.IsTorchSharp(method) || Modules.IsModuleCall(invocation, torch) || IsSystem(method.ContainingType))
        {
            return true;
        }
        return SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, source.Type) && !method.IsVirtual && !method.IsOverride
            && source.BodyOf(method) is { } body && IsPure(body, torch);
    }

    /// <summary>A helper body that stores nothing outside its locals and calls only what <see cref="IsKnownCall"/> could judge (no nested helpers).</summary>
    private static bool IsPure(IOperation body, TorchSymbols torch) =>
        !body.DescendantsAndSelf().Any(o =>
            o is IAssignmentOperation { Target: not (ILocalReferenceOperation or IParameterReferenceOperation) }
            or IAnonymousFunctionOperation or ILocalFunctionOperation
            || o is IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref }
            || (o is IInvocationOperation call && !torch.IsTorchSharp(call.TargetMethod) && !Modules.IsModuleCall(call, torch) && !IsSystem(call.TargetMethod.ContainingType)));

    private static bool IsSystem(ISymbol? symbol)
    {
        var ns = symbol?.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal));
    }

    private static void AddRoot(IOperation? operation, List<ISymbol> targets)
    {
        if (operation is not null && RootLocal(operation) is { } root)
        {
            targets.Add(root);
        }
    }

    /// <summary>The local or parameter an expression is, or indexes into (<c>list</c>, <c>arr[i]</c>).</summary>
    private static ISymbol? RootLocal(IOperation operation)
    {
        var current = Values.Unwrap(operation);
        while (true)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IArrayElementReferenceOperation element:
                    current = Values.Unwrap(element.ArrayReference);
                    break;
                case IPropertyReferenceOperation { Arguments.Length: > 0, Instance: { } instance }:
                    current = Values.Unwrap(instance);
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Private fields and properties of <paramref name="type"/> that hold a module and are never read in its
    /// declarations (nested classes included): only assigned or passed to <c>register_module</c>. A class that
    /// enumerates its submodules (<c>children()</c>, <c>named_modules()</c>) reads all of them.
    /// </summary>
    private static IEnumerable<ISymbol> UnreadModules(INamedTypeSymbol type, TorchSymbols torch, System.Threading.CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<string, ISymbol>(System.StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
        {
            if (member.DeclaredAccessibility == Accessibility.Private && !member.IsStatic && !member.IsImplicitlyDeclared
                && member switch { IFieldSymbol f => torch.IsModule(f.Type), IPropertySymbol p => torch.IsModule(p.Type) && p.Parameters.IsEmpty, _ => false })
            {
                candidates[member.Name] = member;
            }
        }
        if (candidates.Count == 0)
        {
            return System.Array.Empty<ISymbol>();
        }
        var assigned = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case IdentifierNameSyntax identifier when Enumerators.Contains(identifier.Identifier.ValueText):
                        return System.Array.Empty<ISymbol>();
                    case IdentifierNameSyntax identifier when candidates.ContainsKey(identifier.Identifier.ValueText):
                        if (IsStore(identifier))
                        {
                            assigned.Add(identifier.Identifier.ValueText);
                        }
                        else
                        {
                            // A read (by name: a local of the same name counts too, which can only hide a report).
                            candidates.Remove(identifier.Identifier.ValueText);
                        }
                        break;
                    case VariableDeclaratorSyntax { Initializer: not null, Parent.Parent: FieldDeclarationSyntax } declarator:
                        assigned.Add(declarator.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax { Initializer: not null } property:
                        assigned.Add(property.Identifier.ValueText);
                        break;
                }
            }
        }
        return candidates.Where(c => assigned.Contains(c.Key)).Select(c => c.Value).ToList();
    }

    /// <summary>Whether a name is the target of a plain assignment, or the module argument of <c>register_module</c>.</summary>
    private static bool IsStore(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        if (node.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == identifier)
        {
            node = access;
        }
        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == node,
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } => invocation.Expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText == "register_module",
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "register_module",
                _ => false,
            },
            _ => false,
        };
    }
}
