using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// What a class declared in source (a hand-written module, or the trainer that holds one) declares: the values
/// assigned to each of its fields and properties (in initializers, constructors and methods), the
/// modules it registers by name, and the bodies of its methods. Built once per class per compilation,
/// on first use, from the class's own declarations.
/// </summary>
internal sealed class SourceClass
{
    private readonly TorchSymbols _torch;
    private readonly object _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _derived = new();
    private Facts? _facts;
    private IReadOnlyCollection<string>? _modeLayers;

    public SourceClass(TorchSymbols torch, INamedTypeSymbol type)
    {
        _torch = torch;
        Type = type;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>Every value assigned to <paramref name="member"/> (a field or property of this class) through <c>this</c> or in an initializer.</summary>
    public ImmutableArray<IOperation> ValuesOf(ISymbol member) =>
        GetFacts().MemberValues.TryGetValue(member.OriginalDefinition, out var values) ? values.ToImmutableArray() : ImmutableArray<IOperation>.Empty;

    /// <summary>The fields and properties that are assigned at least one value in this class.</summary>
    public IEnumerable<ISymbol> AssignedMembers => GetFacts().MemberValues.Keys;

    /// <summary>The module values passed to <c>register_module(name, module)</c> on this instance.</summary>
    public ImmutableArray<IOperation> RegisteredModules => GetFacts().Registered;

    /// <summary>The operation body of a method of this class, or null when it has none in source.</summary>
    public IOperation? BodyOf(IMethodSymbol method) =>
        GetFacts().Bodies.TryGetValue(method.OriginalDefinition, out var body) ? body : null;

    /// <summary>The methods declared in this class with a body.</summary>
    public IEnumerable<IMethodSymbol> Methods => GetFacts().Bodies.Keys.OfType<IMethodSymbol>();

    /// <summary>The <c>forward</c> method this class runs: its own, or the nearest source base class's.</summary>
    public (SourceClass Owner, IMethodSymbol Method, IOperation Body)? Forward()
    {
        for (var owner = this; owner is not null; owner = _torch.SourceModule(owner.Type.BaseType))
        {
            foreach (var method in owner.Methods)
            {
                if (method.Name == "forward" && !method.IsStatic && owner.BodyOf(method) is { } body)
                {
                    return (owner, method, body);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the class's declarations contain one of <paramref name="words"/> as an identifier: a cheap syntax
    /// filter before binding the class (a batch norm mentions mean, a residual block Conv2d).
    /// </summary>
    public static bool Mentions(INamedTypeSymbol type, params string[] words)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax().DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && System.Array.IndexOf(words, token.ValueText) >= 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>A fact a rule derives from this class, computed once per compilation.</summary>
    public T Derived<T>(string key, System.Func<SourceClass, T> compute)
        where T : class =>
        (T)_derived.GetOrAdd(key, _ => compute(this));

    /// <summary>
    /// The layers that behave differently in training and evaluation mode (BatchNorm, Dropout) this module
    /// holds, directly or through its submodules, by TorchSharp type name.
    /// </summary>
    public IReadOnlyCollection<string> ModeLayers()
    {
        lock (_gate)
        {
            if (_modeLayers is not null)
            {
                return _modeLayers;
            }
            // A cycle (a class holding an instance of itself) ends here with nothing.
            _modeLayers = System.Array.Empty<string>();
        }
        var found = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var member in AssignedMembers)
        {
            foreach (var value in ValuesOf(member))
            {
                ModeLayerNames.Collect(value, _torch, found);
            }
        }
        foreach (var value in RegisteredModules)
        {
            ModeLayerNames.Collect(value, _torch, found);
        }
        lock (_gate)
        {
            return _modeLayers = found.ToList();
        }
    }

    private Facts GetFacts()
    {
        lock (_gate)
        {
            return _facts ??= Collect();
        }
    }

    private Facts Collect()
    {
        var facts = new Facts();
        foreach (var reference in Type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(CancellationToken.None) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }
            var model = _torch.SemanticModel(declaration.SyntaxTree);
            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer is { } initializer
                                && model.GetDeclaredSymbol(variable) is { } symbol
                                && model.GetOperation(initializer) is ISymbolInitializerOperation init)
                            {
                                facts.Add(symbol, init.Value);
                                facts.Walk(init.Value, _torch);
                            }
                        }
                        break;
                    case PropertyDeclarationSyntax property when property.Initializer is { } initializer:
                        if (model.GetDeclaredSymbol(property) is { } propertySymbol
                            && model.GetOperation(initializer) is ISymbolInitializerOperation propertyInit)
                        {
                            facts.Add(propertySymbol, propertyInit.Value);
                        }
                        break;
                    case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                        if (model.GetDeclaredSymbol(method) is IMethodSymbol methodSymbol && model.GetOperation(method) is { } body)
                        {
                            facts.Bodies[methodSymbol.OriginalDefinition] = body;
                            facts.Walk(body, _torch);
                        }
                        break;
                }
            }
        }
        return facts;
    }

    private sealed class Facts
    {
        public readonly Dictionary<ISymbol, List<IOperation>> MemberValues = new(SymbolEqualityComparer.Default);
        public readonly Dictionary<ISymbol, IOperation> Bodies = new(SymbolEqualityComparer.Default);
        public ImmutableArray<IOperation> Registered = ImmutableArray<IOperation>.Empty;

        public void Add(ISymbol member, IOperation value)
        {
            if (!MemberValues.TryGetValue(member.OriginalDefinition, out var list))
            {
                MemberValues[member.OriginalDefinition] = list = new List<IOperation>();
            }
            list.Add(value);
        }

        public void Walk(IOperation root, TorchSymbols torch)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field } assignment:
                        Add(field.Field, assignment.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property } assignment:
                        Add(property.Property, assignment.Value);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "register_module", Instance: null or IInstanceReferenceOperation } invocation
                        when torch.IsTorchSharp(invocation.TargetMethod) && invocation.Arguments.Length == 2:
                        Registered = Registered.Add(invocation.Arguments[1].Value);
                        break;
                }
            }
        }
    }
}
