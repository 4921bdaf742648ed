using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Checking;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Models;
using ModelGen.SourceGenerators.Parsing;

namespace ModelGen.SourceGenerators.Generators;

/// <summary>
/// Generates the TorchSharp half of every <c>[Model]</c> class: parse (symbols → equatable
/// <see cref="ModelSpec"/>), check (shape engine → <see cref="CheckedModel"/>), emit (text).
/// Diagnostics are reported by <see cref="Analyzers.ModelAnalyzer"/>, which runs the same parser and checker.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    public static class Steps
    {
        /// <summary>The parsed model.</summary>
        public const string Parse = "ModelGen.Parse";

        /// <summary>The shape-checked model.</summary>
        public const string Check = "ModelGen.Check";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ModelAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ModelParser.Parse((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel, ct))
            .WithTrackingName(Steps.Parse);

        // A model is checked with every other model at hand, because its submodels are checked as instances.
        // Each checked model is still compared on its own, so one edit re-emits only what it changed.
        var models = specs
            .Combine(specs.Collect())
            .Select(static (pair, ct) =>
            {
                var all = pair.Right;
                return ModelChecker.Check(pair.Left, name => FindModel(all, name), ct);
            })
            .WithTrackingName(Steps.Check);

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            if (!model.Spec.CanGenerate)
            {
                return;
            }
            spc.AddSource(HintName(model.Spec), ModelEmitter.Emit(model));
        });
    }

    private static ModelSpec? FindModel(System.Collections.Immutable.ImmutableArray<ModelSpec> all, string metadataName)
    {
        foreach (var spec in all)
        {
            if (spec.MetadataName == metadataName)
            {
                return spec;
            }
        }
        return null;
    }

    private static string HintName(ModelSpec spec)
    {
        string nested = spec.ContainingTypes.Count == 0 ? "" : string.Join(".", System.Linq.Enumerable.Select(spec.ContainingTypes, t => t.Substring(t.LastIndexOf(' ') + 1))) + ".";
        // A namespace spelled with a keyword displays as "@class"; '@' is not allowed in a hint name.
        return (spec.Namespace is null ? "" : spec.Namespace.Replace("@", "") + ".") + nested + spec.Name + ".g.cs";
    }
}
