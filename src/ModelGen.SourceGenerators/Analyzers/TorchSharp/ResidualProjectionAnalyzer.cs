using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0117: a residual add of a block's input to a convolution path that changes the channel count or the
/// spatial size (a stride), with no projection on the shortcut. The path is followed through Conv2d,
/// BatchNorm2d and activations; shapes come from the shape engine (Conv2dRule, then Broadcast) with the
/// input as [N, C_in, H, W]. When the convolutions' sizes are constructor parameters, the block is checked
/// at each construction with constant arguments (<c>new BasicBlock(64, 128, 2)</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResidualProjectionAnalyzer : TorchSharpAnalyzer
{
    /// <summary>Property keys for the code fix: the projection's in and out channels and stride.</summary>
    public const string InChannelsProperty = "InChannels";

    /// <inheritdoc cref="InChannelsProperty" />
    public const string OutChannelsProperty = "OutChannels";

    /// <inheritdoc cref="InChannelsProperty" />
    public const string StrideProperty = "Stride";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ResidualNeedsProjection);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch)
    {
        context.RegisterSymbolAction(c => AnalyzeBlock(c, torch), SymbolKind.NamedType);
        context.RegisterOperationAction(c => AnalyzeConstruction(c, torch), OperationKind.ObjectCreation);
    }

    /// <summary>A residual add in a block's forward: the add, the input it adds back, and the layers on the other path.</summary>
    private sealed class Plan
    {
        public Plan(IOperation add, IOperation identity, Dim inChannels, List<(ModuleRef Module, Conv2dOptions? Conv)> steps)
        {
            Add = add;
            Identity = identity;
            InChannels = inChannels;
            Steps = steps;
        }

        public IOperation Add { get; }

        public IOperation Identity { get; }

        public Dim InChannels { get; }

        public List<(ModuleRef Module, Conv2dOptions? Conv)> Steps { get; }

        public bool IsSymbolic => Symbols().Any();

        public IEnumerable<string> Symbols() =>
            InChannels.Symbols.Concat(Steps.Where(s => s.Conv is not null).SelectMany(s => Dims(s.Conv!)).SelectMany(d => d.Symbols));
    }

    private static void AnalyzeBlock(SymbolAnalysisContext context, TorchSymbols torch)
    {
        if (torch.SourceModule((INamedTypeSymbol)context.Symbol) is not { } block)
        {
            return;
        }
        foreach (var plan in Plans(block, torch).Where(p => !p.IsSymbolic))
        {
            if (Check(plan, null) is not { } mismatch)
            {
                continue;
            }
            var (x, h) = mismatch;
            var properties = FixProperties(plan, x, h);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TorchSharpRules.ResidualNeedsProjection, plan.Add.Syntax.GetLocation(),
                new[] { plan.Identity.Syntax.GetLocation() }, properties,
                Message(plan, x, h, null, null, null)));
        }
    }

    private static void AnalyzeConstruction(OperationAnalysisContext context, TorchSymbols torch)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not { } constructor || torch.SourceModule(creation.Type) is not { } block)
        {
            return;
        }
        foreach (var plan in Plans(block, torch).Where(p => p.IsSymbolic))
        {
            var binding = new Dictionary<string, Dim>();
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && Values.ConstantInteger(argument.Value) is { } value)
                {
                    binding[parameter.Name] = Dim.Const(value);
                }
            }
            if (Check(plan, binding) is ({ } x, { } h))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TorchSharpRules.ResidualNeedsProjection, creation.Syntax.GetLocation(),
                    Message(plan, x, h, binding, creation.Syntax.ToString(), block.Type.Name)));
            }
        }
    }

    // A ModelGen [Model] is shape-checked by ModelAnalyzer, whose MG0002 reports the same add with both shapes.
    private static List<Plan> Plans(SourceClass block, TorchSymbols torch) =>
        block.Derived("ResidualPlans", b => !IsModelGenModel(b.Type) && SourceClass.Mentions(b.Type, "Conv2d") ? Build(b, torch) : new List<Plan>());

    private static bool IsModelGenModel(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parsing.KnownNames.ModelAttribute);

    private static List<Plan> Build(SourceClass block, TorchSymbols torch)
    {
        var plans = new List<Plan>();
        if (block.Forward() is not { } forward || !SymbolEqualityComparer.Default.Equals(forward.Owner.Type, block.Type)
            || forward.Method.Parameters.Length == 0 || !torch.IsTensor(forward.Method.Parameters[0].Type))
        {
            return plans;
        }
        var input = forward.Method.Parameters[0];
        foreach (var operation in Values.Descendants(forward.Body))
        {
            if (Residual.Operands(operation, torch) is not ({ } left, { } right))
            {
                continue;
            }
            var (identity, path) = Residual.IsParameter(left, input) ? (left, right) : Residual.IsParameter(right, input) ? (right, left) : (null, null);
            if (identity is null || path is null || Residual.PathLayers(path, input, torch) is not { } layers)
            {
                continue;
            }
            var steps = new List<(ModuleRef, Conv2dOptions?)>();
            Dim? inChannels = null;
            bool understood = true;
            foreach (var layer in layers)
            {
                if (layer.BuiltIn == "Conv2d")
                {
                    if (Residual.ConvOptions(layer) is not ({ } convIn, { } options))
                    {
                        understood = false;
                        break;
                    }
                    inChannels ??= convIn;
                    steps.Add((layer, options));
                }
                else
                {
                    steps.Add((layer, null));
                }
            }
            var plan = understood && inChannels is not null ? new Plan(operation, identity, inChannels, steps) : null;
            // The input is [N, C, H, W]; a constructor parameter of one of those names would be confused with it.
            if (plan is not null && !plan.Symbols().Any(s => s is "N" or "H" or "W"))
            {
                plans.Add(plan);
            }
        }
        return plans;
    }

    /// <summary>The input's and the path's shapes when the engine proves they cannot be added; null when they can, or when it cannot tell.</summary>
    private static (Shape X, Shape H)? Check(Plan plan, IReadOnlyDictionary<string, Dim>? binding)
    {
        var x = Shape.Of(Dim.Sym("N"), Bind(plan.InChannels, binding), Dim.Sym("H"), Dim.Sym("W"));
        var h = x;
        foreach (var (_, conv) in plan.Steps)
        {
            if (conv is null)
            {
                continue;
            }
            var options = binding is null ? conv : Bound(conv, binding);
            if (Dims(options).Any(d => d.Symbols.Count > 0))
            {
                return null;
            }
            var result = Conv2dRule.Apply(h, options);
            if (!result.Success)
            {
                return null;
            }
            h = result.Output!;
        }
        return ChannelsDiffer(x, h) || SpatialDiffers(x, h) ? (x, h) : null;
    }

    /// <summary>Whether the channel counts provably differ (the engine's broadcast of [N, C] with [N, C']).</summary>
    private static bool ChannelsDiffer(Shape x, Shape h) =>
        Broadcast.Apply(Shape.Of(x[0], x[1]), Shape.Of(h[0], h[1])).Error?.Kind == ShapeErrorKind.NotBroadcastable;

    /// <summary>
    /// Whether the spatial size changes: the path's height or width is another expression of H and W than
    /// the input's, and differs at a realistic size (64). (At 1x1 a strided convolution keeps the size, so
    /// the engine cannot call them different for every H.)
    /// </summary>
    private static bool SpatialDiffers(Shape x, Shape h)
    {
        var at = new Dictionary<string, long> { ["N"] = 1, ["H"] = 64, ["W"] = 64 };
        return (x[2] != h[2] && x[2].Evaluate(at) != h[2].Evaluate(at)) || (x[3] != h[3] && x[3].Evaluate(at) != h[3].Evaluate(at));
    }

    private static string Message(Plan plan, Shape x, Shape h, IReadOnlyDictionary<string, Dim>? binding, string? construction, string? block)
    {
        var changes = new List<string>();
        if (ChannelsDiffer(x, h))
        {
            changes.Add($"the channels ({x[1]} to {h[1]})");
        }
        if (SpatialDiffers(x, h))
        {
            changes.Add($"the spatial size (stride {Stride(plan, binding)})");
        }
        string adds = $"'{plan.Add.Syntax}' adds the block's input '{plan.Identity.Syntax}' {x} to its convolution path {h}, which changes {string.Join(" and ", changes)}";
        string projection = $"a 1x1 Conv2d({x[1]}, {h[1]}, 1, stride: {Stride(plan, binding)}) and a BatchNorm2d({h[1]}) on '{plan.Identity.Syntax}'";
        return construction is null
            ? $"{adds}; project the shortcut with {projection}"
            : $"'{construction}' builds a {block} in which {adds}; when the sizes change, project the shortcut with {projection}";
    }

    private static string Stride(Plan plan, IReadOnlyDictionary<string, Dim>? binding) =>
        Bind(plan.Steps.Where(s => s.Conv is not null).Aggregate(Dim.One, (product, s) => product * s.Conv!.StrideH), binding).ToString();

    private static ImmutableDictionary<string, string?> FixProperties(Plan plan, Shape x, Shape h)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        var strides = plan.Steps.Where(s => s.Conv is not null).Aggregate(Dim.One, (p, s) => p * s.Conv!.StrideH);
        if (x[1].ConstantValue is not { } inChannels || h[1].ConstantValue is not { } outChannels || strides.ConstantValue is not { } stride)
        {
            return properties;
        }
        // Offered only when a 1x1 projection with that stride gives exactly the path's shape.
        var projected = Conv2dRule.Apply(x, new Conv2dOptions(Dim.Const(outChannels), Dim.One) { StrideH = stride, StrideW = stride, Bias = false });
        if (!projected.Success || projected.Output != h)
        {
            return properties;
        }
        return properties
            .Add(InChannelsProperty, inChannels.ToString(CultureInfo.InvariantCulture))
            .Add(OutChannelsProperty, outChannels.ToString(CultureInfo.InvariantCulture))
            .Add(StrideProperty, stride.ToString(CultureInfo.InvariantCulture));
    }

    private static Dim Bind(Dim dim, IReadOnlyDictionary<string, Dim>? binding) => binding is null ? dim : dim.Substitute(binding);

    private static Conv2dOptions Bound(Conv2dOptions o, IReadOnlyDictionary<string, Dim> b) =>
        new(o.OutChannels.Substitute(b), o.KernelH.Substitute(b), o.KernelW.Substitute(b))
        {
            StrideH = o.StrideH.Substitute(b), StrideW = o.StrideW.Substitute(b),
            PaddingH = o.PaddingH.Substitute(b), PaddingW = o.PaddingW.Substitute(b),
            DilationH = o.DilationH.Substitute(b), DilationW = o.DilationW.Substitute(b),
            Groups = o.Groups.Substitute(b), InChannels = o.InChannels?.Substitute(b), Bias = o.Bias,
        };

    private static IEnumerable<Dim> Dims(Conv2dOptions o) =>
        new[] { o.OutChannels, o.KernelH, o.KernelW, o.StrideH, o.StrideW, o.PaddingH, o.PaddingW, o.DilationH, o.DilationW, o.Groups, o.InChannels ?? Dim.One };
}
