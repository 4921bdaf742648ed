using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

[assembly: InternalsVisibleTo("ModelGen.CodeFixes")]
[assembly: InternalsVisibleTo("ModelGen.CodeFixes.Tests")]
[assembly: InternalsVisibleTo("ModelGen.SeedBugs.Tests")]

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// The TorchSharp symbols the hand-written-module analyzers need, resolved once per compilation, and a
/// cache of what each source module class declares. Null when TorchSharp is not referenced, so every
/// analyzer bails out before registering anything.
/// </summary>
internal sealed class TorchSymbols
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, SourceClass> _classes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    private TorchSymbols(Compilation compilation, INamedTypeSymbol module, INamedTypeSymbol tensor)
    {
        Compilation = compilation;
        Module = module;
        Tensor = tensor;
        Assembly = module.ContainingAssembly;
        Optimizer = compilation.GetTypeByMetadataName("TorchSharp.torch+optim+Optimizer");
    }

    public Compilation Compilation { get; }

    /// <summary><c>TorchSharp.torch.nn.Module</c>, the base of every module.</summary>
    public INamedTypeSymbol Module { get; }

    /// <summary><c>TorchSharp.torch.Tensor</c>.</summary>
    public INamedTypeSymbol Tensor { get; }

    /// <summary><c>TorchSharp.torch.optim.Optimizer</c>, the base of every optimizer.</summary>
    public INamedTypeSymbol? Optimizer { get; }

    /// <summary>The TorchSharp assembly: a method is TorchSharp's own when it is declared here.</summary>
    public IAssemblySymbol Assembly { get; }

    /// <summary>
    /// The symbols of <paramref name="compilation"/>, shared by every analyzer of this assembly, so a module's
    /// forward is bound and a class's facts are derived once per compilation rather than once per rule.
    /// </summary>
    public static TorchSymbols? Resolve(Compilation compilation) => Shared.GetValue(compilation, c => new Resolved(Create(c))).Symbols;

    private static readonly ConditionalWeakTable<Compilation, Resolved> Shared = new();

    /// <summary>A box: the table holds classes, and a compilation without TorchSharp resolves to null once too.</summary>
    private sealed class Resolved
    {
        public Resolved(TorchSymbols? symbols) => Symbols = symbols;

        public TorchSymbols? Symbols { get; }
    }

    private static TorchSymbols? Create(Compilation compilation)
    {
        var module = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module");
        var tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        return module is null || tensor is null ? null : new TorchSymbols(compilation, module, tensor);
    }

    public bool IsTorchSharp(ISymbol? symbol) =>
        symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly);

    public bool IsModule(ITypeSymbol? type) => DerivesFrom(type, Module);

    public bool IsTensor(ITypeSymbol? type) => DerivesFrom(type, Tensor);

    public bool IsOptimizer(ITypeSymbol? type) => DerivesFrom(type, Optimizer);

    /// <summary>Whether <paramref name="invocation"/> calls TorchSharp's <paramref name="name"/> on a tensor (<c>x.detach()</c>, <c>loss.backward()</c>).</summary>
    public bool IsTensorMethod(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation, string name) =>
        invocation.TargetMethod.Name == name && !invocation.TargetMethod.IsStatic && invocation.Instance is not null
        && IsTensor(invocation.Instance.Type) && IsTorchSharp(invocation.TargetMethod);

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The name of a TorchSharp module type (<c>Conv2d</c>, <c>Softmax</c>, <c>Sequential</c>), or null for any other type.</summary>
    public string? BuiltInModuleName(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && IsTorchSharp(named) && IsModule(named) ? named.Name : null;

    /// <summary>A module class declared in source (a hand-written <c>nn.Module</c>), or null.</summary>
    public SourceClass? SourceModule(ITypeSymbol? type) => IsModule(type) ? SourceType(type) : null;

    /// <summary>Any class or struct declared in source, or null.</summary>
    public SourceClass? SourceType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.DeclaringSyntaxReferences.Length == 0 || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }
        return _classes.GetOrAdd(named.OriginalDefinition, t => new SourceClass(this, t));
    }

    /// <summary>
    /// The semantic model of a tree of this compilation, shared by all the rules' lookups into other
    /// files (a module class is usually declared in one file and trained in another). Each tree's model
    /// is made once per compilation and cached, so this is no per-node rescan.
    /// </summary>
    public SemanticModel SemanticModel(SyntaxTree tree) =>
#pragma warning disable RS1030 // Cross-file facts (a module's forward) need the declaring file's model; it is cached per tree.
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
