using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0102 and MG0103: mistakes in an adversarial (GAN) training step. A method is an adversarial step when
/// one module (the discriminator D) is called both on the output of another module (the generator G)
/// and on data that does not come from G, and the method trains both with separate backward passes.
/// Then: D's loss on generated samples must not reach G (detach), and each backward pass must step
/// only its own network's optimizer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdversarialTrainingAnalyzer : TorchSharpAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TorchSharpRules.GeneratedSamplesNotDetached,
        DiagnosticDescriptors.TorchSharpRules.OptimizerCrossesNetworks);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => new Step(c, torch).Analyze(), OperationKind.MethodBody);

    /// <summary>The analysis of one method body.</summary>
    private sealed class Step
    {
        private readonly OperationAnalysisContext _context;
        private readonly TorchSymbols _torch;
        private readonly ISymbol? _this;
        private readonly List<(IInvocationOperation Call, ISymbol Module)> _moduleCalls = new();
        private readonly List<IInvocationOperation> _backwards = new();
        private readonly List<(IInvocationOperation Call, IOperation Optimizer)> _steps = new();
        private readonly Dictionary<IOperation, Dictionary<IInvocationOperation, bool>> _deps = new();
        private readonly HashSet<ILocalSymbol> _following = new(SymbolEqualityComparer.Default);
        private readonly HashSet<Location> _reported = new();

        public Step(OperationAnalysisContext context, TorchSymbols torch)
        {
            _context = context;
            _torch = torch;
            _this = context.ContainingSymbol.ContainingType;
        }

        public void Analyze()
        {
            foreach (var operation in Values.Descendants(_context.Operation))
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }
                if (_torch.IsTensorMethod(invocation, "backward"))
                {
                    _backwards.Add(invocation);
                }
                else if (invocation.TargetMethod.Name == "step" && invocation.Instance is { } optimizer && _torch.IsOptimizer(optimizer.Type))
                {
                    _steps.Add((invocation, optimizer));
                }
                else if (Modules.IsModuleCall(invocation, _torch) && invocation.Arguments.Length > 0
                    && Values.RootSymbol(invocation.Instance, _this) is { } module && !IsLoss(invocation.Instance!))
                {
                    _moduleCalls.Add((invocation, module));
                }
            }
            // Two networks trained in one method take two backward passes.
            if (_backwards.Count < 2 || _steps.Count == 0)
            {
                return;
            }
            foreach (var (generator, discriminator) in AdversarialPairs())
            {
                CheckPair(generator, discriminator);
            }
        }

        private bool IsLoss(IOperation module) =>
            Modules.Resolve(module, _torch) is { Count: > 0 } modules && modules.All(m => m.BuiltIn?.EndsWith("Loss", System.StringComparison.Ordinal) == true);

        /// <summary>(G, D) where D is called on G's output and also on something that does not come from G.</summary>
        private IEnumerable<(ISymbol Generator, ISymbol Discriminator)> AdversarialPairs()
        {
            var pairs = new HashSet<(ISymbol, ISymbol)>();
            foreach (var (call, discriminator) in _moduleCalls)
            {
                foreach (var source in Producers(Input(call)))
                {
                    if (!SymbolEqualityComparer.Default.Equals(source, discriminator)
                        && _moduleCalls.Any(other => SymbolEqualityComparer.Default.Equals(other.Module, discriminator)
                            && !Producers(Input(other.Call)).Contains(source, SymbolEqualityComparer.Default)))
                    {
                        pairs.Add((source, discriminator));
                    }
                }
            }
            return pairs;
        }

        private void CheckPair(ISymbol generator, ISymbol discriminator)
        {
            // Backward passes whose gradients the same steps apply form one training pass (loss_real.backward(); loss_fake.backward(); opt.step()).
            var passes = _backwards.Select(b => (Backward: b, Steps: StepsAfter(b)))
                .Where(p => p.Steps.Count > 0)
                .GroupBy(p => p.Steps[0].Call)
                .Select(g => (Losses: g.Select(p => p.Backward.Instance!).ToList(), Steps: g.First().Steps))
                .ToList();
            bool generatorTrained = passes.Any(p => p.Steps.Any(s => s.Covered?.Contains(generator) == true));
            foreach (var (losses, steps) in passes)
            {
                var lossDeps = new Dictionary<IInvocationOperation, bool>();
                foreach (var loss in losses)
                {
                    Merge(lossDeps, Deps(loss), true);
                }
                var onGenerated = new List<IInvocationOperation>();
                bool onReal = false;
                foreach (var (call, module) in _moduleCalls)
                {
                    if (!SymbolEqualityComparer.Default.Equals(module, discriminator) || !lossDeps.TryGetValue(call, out bool live) || !live)
                    {
                        continue;
                    }
                    if (Deps(Input(call)).Any(d => d.Value && SymbolEqualityComparer.Default.Equals(ModuleOf(d.Key), generator)))
                    {
                        onGenerated.Add(call);
                    }
                    else if (!Producers(Input(call)).Contains(generator, SymbolEqualityComparer.Default))
                    {
                        onReal = true;
                    }
                }
                foreach (var step in steps)
                {
                    if (step.Covered is { } both && both.Contains(generator) && both.Contains(discriminator))
                    {
                        ReportSharedOptimizer(step.Optimizer, step.Call, generator, discriminator);
                    }
                }
                if (onGenerated.Count == 0)
                {
                    continue;
                }
                bool stepsOnlyDiscriminator = steps.All(s => s.Covered is { } c && c.Contains(discriminator) && !c.Contains(generator));
                if (onReal && stepsOnlyDiscriminator && generatorTrained)
                {
                    // The discriminator's pass: its loss on generated samples must not reach the generator.
                    foreach (var call in onGenerated)
                    {
                        Report(DiagnosticDescriptors.TorchSharpRules.GeneratedSamplesNotDetached, Input(call).Syntax.GetLocation(),
                            Input(call).Syntax.ToString(), Name(discriminator), Name(generator));
                    }
                }
                else if (!onReal)
                {
                    // The generator's pass: it must not step the discriminator.
                    foreach (var step in steps)
                    {
                        if (step.Covered is { } c && c.Contains(discriminator) && !c.Contains(generator))
                        {
                            Report(DiagnosticDescriptors.TorchSharpRules.OptimizerCrossesNetworks, step.Call.Syntax.GetLocation(),
                                $"'{step.Call.Syntax}' follows the backward pass of the generator's loss, but '{step.Optimizer.Syntax}' steps the discriminator '{Name(discriminator)}': the discriminator moves to help the generator fool it; step the generator's optimizer here");
                        }
                    }
                }
            }
        }

        private void ReportSharedOptimizer(IOperation optimizer, IInvocationOperation step, ISymbol generator, ISymbol discriminator)
        {
            var creation = Optimizers.Creation(optimizer, _torch);
            var location = creation is not null && creation.Syntax.SyntaxTree == _context.Operation.Syntax.SyntaxTree
                && _context.Operation.Syntax.Span.Contains(creation.Syntax.Span)
                ? creation.Syntax.GetLocation()
                : step.Syntax.GetLocation();
            Report(DiagnosticDescriptors.TorchSharpRules.OptimizerCrossesNetworks, location,
                $"Optimizer '{optimizer.Syntax}' is created over the parameters of both the generator '{Name(generator)}' and the discriminator '{Name(discriminator)}': each of their backward passes then also moves the other network; give each network its own optimizer");
        }

        /// <summary>The optimizer steps that apply a backward pass's gradients: the steps after it, up to the next backward pass that follows a step.</summary>
        private List<(IInvocationOperation Call, IOperation Optimizer, HashSet<ISymbol>? Covered)> StepsAfter(IInvocationOperation backward)
        {
            var result = new List<(IInvocationOperation, IOperation, HashSet<ISymbol>?)>();
            int start = backward.Syntax.SpanStart;
            var events = _steps.Select(s => (Position: s.Call.Syntax.SpanStart, Step: (IInvocationOperation?)s.Call, Optimizer: (IOperation?)s.Optimizer))
                .Concat(_backwards.Select(b => (Position: b.Syntax.SpanStart, Step: (IInvocationOperation?)null, Optimizer: (IOperation?)null)))
                .Where(e => e.Position > start)
                .OrderBy(e => e.Position);
            foreach (var e in events)
            {
                if (e.Step is null)
                {
                    if (result.Count > 0)
                    {
                        break;
                    }
                    continue;
                }
                result.Add((e.Step, e.Optimizer!, Optimizers.CoveredBy(e.Optimizer!, _torch, _this)));
            }
            return result;
        }

        private static IOperation Input(IInvocationOperation call) => call.Arguments[0].Value;

        private ISymbol? ModuleOf(IInvocationOperation call) =>
            _moduleCalls.FirstOrDefault(m => m.Call == call).Module;

        /// <summary>The modules whose outputs <paramref name="value"/> is computed from, detached or not.</summary>
        private IEnumerable<ISymbol> Producers(IOperation value) =>
            Deps(value).Keys.Select(ModuleOf).Where(m => m is not null).Select(m => m!);

        /// <summary>
        /// The module calls <paramref name="value"/> is computed from, each with whether the gradient still
        /// flows back to it (false after <c>detach()</c> or inside <c>no_grad</c>).
        /// </summary>
        private Dictionary<IInvocationOperation, bool> Deps(IOperation value)
        {
            if (_deps.TryGetValue(value, out var known))
            {
                return known;
            }
            var result = new Dictionary<IInvocationOperation, bool>();
            var v = Values.Unwrap(value);
            switch (v)
            {
                case IInvocationOperation invocation when _torch.IsTensorMethod(invocation, "detach") || _torch.IsTensorMethod(invocation, "detach_"):
                    foreach (var key in Deps(invocation.Instance!).Keys)
                    {
                        result[key] = false;
                    }
                    break;
                case IInvocationOperation invocation when _moduleCalls.Any(m => m.Call == invocation):
                    bool live = !Scopes.InNoGrad(invocation, _torch);
                    foreach (var argument in invocation.Arguments)
                    {
                        Merge(result, Deps(argument.Value), live);
                    }
                    result[invocation] = live;
                    break;
                case ILocalReferenceOperation local:
                    if (!_following.Add(local.Local))
                    {
                        break;
                    }
                    var sources = Values.ReachingValue(local.Local, v) is { } reaching
                        ? new List<IOperation> { reaching }
                        : Values.AllValues(local.Local, v) ?? new List<IOperation>();
                    foreach (var source in sources)
                    {
                        Merge(result, Deps(source), true);
                    }
                    _following.Remove(local.Local);
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    break;
                default:
                    foreach (var child in v.ChildOperations)
                    {
                        Merge(result, Deps(child), true);
                    }
                    break;
            }
            // Cached even when a loop-carried local was cut short: that only loses sources, and the rules stay silent on what they cannot see.
            _deps[value] = result;
            return result;
        }

        private static void Merge(Dictionary<IInvocationOperation, bool> into, Dictionary<IInvocationOperation, bool> from, bool live)
        {
            foreach (var pair in from)
            {
                bool value = pair.Value && live;
                into[pair.Key] = into.TryGetValue(pair.Key, out bool existing) ? existing || value : value;
            }
        }

        private static string Name(ISymbol symbol) => symbol.Name;

        private void Report(DiagnosticDescriptor descriptor, Location location, params object[] arguments)
        {
            if (_reported.Add(location))
            {
                _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
            }
        }
    }
}
