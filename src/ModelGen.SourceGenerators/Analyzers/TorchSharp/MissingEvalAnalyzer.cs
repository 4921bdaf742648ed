using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0106: a model holding BatchNorm or Dropout run for inference while it is certainly still in
/// training mode. Inference is a call inside <c>torch.no_grad()</c>/<c>inference_mode()</c>, or in a
/// method named for it (Evaluate, Validate, Test, Predict, Infer) that runs no backward pass. "Certainly in training mode" means
/// that in the same method, before the call and with no <c>eval()</c>/<c>train(false)</c> between, the
/// model was created, or put in training mode with <c>train()</c>, or stepped by an optimizer; a model
/// whose mode this method cannot know (a parameter, a field) is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingEvalAnalyzer : TorchSharpAnalyzer
{
    /// <summary>Property key: the text of the model expression, for the code fix's <c>model.eval();</c> (empty for an implicit <c>this</c>).</summary>
    public const string ModelProperty = "Model";

    private static readonly string[] InferenceWords = { "Evaluat", "Validat", "Test", "Predict", "Infer" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.MissingEval);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!Modules.IsModuleCall(call, torch))
        {
            return;
        }
        var noGrad = Scopes.NoGradScope(call, torch);
        if (noGrad is null && !(NamedForInference(context.ContainingSymbol) && !Trains(call, torch)))
        {
            return;
        }
        var model = call.Instance!;
        var thisSymbol = context.ContainingSymbol.ContainingType;
        var chain = Chain(model, thisSymbol);
        if (chain.Count == 0)
        {
            return;
        }
        var layers = new SortedSet<string>(StringComparer.Ordinal);
        ModeLayerNames.Collect(model, torch, layers);
        if (layers.Count == 0 || !CertainlyTraining(call, model, chain, torch, thisSymbol))
        {
            return;
        }
        var anchor = noGrad ?? Statement(call);
        var modelText = model.IsImplicit ? "" : model.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.TorchSharpRules.MissingEval,
            call.Syntax.GetLocation(),
            anchor is null ? null : new[] { anchor.Syntax.GetLocation() },
            ImmutableDictionary<string, string?>.Empty.Add(ModelProperty, modelText),
            call.Syntax.ToString(), model.IsImplicit ? "this" : modelText, string.Join(" and ", layers)));
    }

    /// <summary>Whether the method holding <paramref name="call"/> runs a backward pass: then its name (TrainAndEvaluate) does not make every call an inference.</summary>
    private static bool Trains(IOperation call, TorchSymbols torch) =>
        Values.Descendants(Values.Root(call)).Any(o => o is IInvocationOperation i && torch.IsTensorMethod(i, "backward"));

    private static bool NamedForInference(ISymbol method)
    {
        for (var symbol = method; symbol is IMethodSymbol m; symbol = m.ContainingSymbol)
        {
            if (InferenceWords.Any(w => m.Name.IndexOf(w, StringComparison.Ordinal) >= 0))
            {
                return true;
            }
            if (m.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
            {
                break;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the model is in training mode at <paramref name="call"/>. The last mode-setting event before
    /// it decides (a fresh local model starts in training mode); in a loop, a <c>train()</c> or an optimizer
    /// step later in the body puts the model back in training mode for the next iteration. An
    /// <c>eval()</c> anywhere that can run before the call, or a call that may change the mode out of sight,
    /// makes the answer "not certain".
    /// </summary>
    private static bool CertainlyTraining(IInvocationOperation call, IOperation model, List<ISymbol> chain, TorchSymbols torch, ISymbol? thisSymbol)
    {
        var root = Values.Root(call);
        int position = call.Syntax.SpanStart;
        bool? state = model is ILocalReferenceOperation local && Values.ReachingValue(local.Local, model) is { } value
            && Values.Unwrap(value) is IObjectCreationOperation or IInvocationOperation { TargetMethod.IsStatic: true }
            ? true
            : null;
        bool trainedLaterInLoop = false;
        foreach (var operation in Values.Descendants(root).OfType<IInvocationOperation>().OrderBy(o => o.Syntax.SpanStart))
        {
            bool before = operation.Syntax.Span.End <= position;
            var common = Values.CommonAncestor(operation, call);
            if (!before && (common is null || !Values.InLoop(common)))
            {
                continue;
            }
            var mode = Mode(operation, chain, torch, thisSymbol);
            if (mode is null && Unknown(operation, chain, torch, thisSymbol))
            {
                return false;
            }
            if (mode == false && !before)
            {
                return false;
            }
            if (mode is { } known && before)
            {
                // A train() under an if may not have run, so it leaves the mode as it was, or unknown (a training
                // loop is taken to run); an eval() under an if may have run.
                bool conditional = common is not null && Values.IsConditionalBetween(operation, common, loops: false);
                state = known && conditional ? (state == true ? true : null) : known;
            }
            trainedLaterInLoop |= mode == true && !before;
        }
        return state == true || (state is null && trainedLaterInLoop);
    }

    /// <summary>True for <c>m.train()</c> or a step of an optimizer over m; false for <c>m.eval()</c>/<c>m.train(false)</c>; null otherwise.</summary>
    private static bool? Mode(IInvocationOperation operation, List<ISymbol> chain, TorchSymbols torch, ISymbol? thisSymbol)
    {
        var method = operation.TargetMethod;
        if (method.Name is "eval" or "train" && torch.IsTorchSharp(method) && operation.Instance is { } target && torch.IsModule(target.Type)
            && Values.RootSymbol(target, thisSymbol) is { } symbol && chain.Contains(symbol, SymbolEqualityComparer.Default))
        {
            if (method.Name == "eval")
            {
                return false;
            }
            var argument = Values.Argument(operation, 0);
            return argument?.ConstantValue is not { HasValue: true, Value: false };
        }
        if (method.Name == "step" && operation.Instance is { } optimizer && torch.IsOptimizer(optimizer.Type)
            && Optimizers.CoveredBy(optimizer, torch, thisSymbol) is { } covered && chain.Any(covered.Contains))
        {
            return true;
        }
        return null;
    }

    /// <summary>A call that may change the model's mode out of sight: the model passed to a method of ours, or one of its own methods that sets a mode.</summary>
    private static bool Unknown(IInvocationOperation operation, List<ISymbol> chain, TorchSymbols torch, ISymbol? thisSymbol)
    {
        if (torch.IsTorchSharp(operation.TargetMethod))
        {
            return false;
        }
        bool takesModel = operation.Arguments.Any(a => Values.RootSymbol(a.Value, thisSymbol) is { } s && chain.Contains(s, SymbolEqualityComparer.Default));
        bool onModel = operation.Instance is { } instance && Values.RootSymbol(instance, thisSymbol) is { } owner && chain.Contains(owner, SymbolEqualityComparer.Default);
        return takesModel || onModel;
    }

    /// <summary>The symbols along the model expression, innermost first (<c>encoder</c>, <c>model</c> for <c>model.encoder</c>): a mode set on any of them reaches the call.</summary>
    private static List<ISymbol> Chain(IOperation model, ISymbol? thisSymbol)
    {
        var chain = new List<ISymbol>();
        var current = Values.Unwrap(model);
        while (true)
        {
            if (Values.RootSymbol(current, thisSymbol) is { } symbol)
            {
                chain.Add(symbol);
            }
            if (current is IMemberReferenceOperation { Instance: { } instance })
            {
                current = Values.Unwrap(instance);
                continue;
            }
            return chain;
        }
    }

    private static IOperation? Statement(IOperation operation)
    {
        for (var x = operation; x is not null; x = x.Parent)
        {
            if (x.Parent is IBlockOperation)
            {
                return x;
            }
            if (x is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }
        return null;
    }
}
