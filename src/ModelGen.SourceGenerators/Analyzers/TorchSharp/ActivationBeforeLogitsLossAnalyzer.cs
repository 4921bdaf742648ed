using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0101: a softmax or sigmoid output passed to a loss that expects logits (CrossEntropyLoss,
/// BCEWithLogitsLoss and their functional forms), or a softmax output passed to NLLLoss (or nll_loss),
/// which expects log-probabilities. The activation is found wherever the value's last
/// operation is: inline, in a local, in a helper method, or at the end of a module's forward (a
/// Softmax field, the last element of a Sequential, a functional call).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivationBeforeLogitsLossAnalyzer : TorchSharpAnalyzer
{
    /// <summary>Property key: the form of each activation, in the order of the additional locations (<see cref="ActivationForm"/> names, ';'-separated).</summary>
    public const string FormsProperty = "ActivationForms";

    /// <summary>Property key, present when the loss expects log-probabilities (NLLLoss): the fix replaces softmax with log_softmax instead of removing it.</summary>
    public const string LogProbabilitiesProperty = "ExpectsLogProbabilities";

    private const int MaxDepth = 4;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeLogitsLoss);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (LossInput(invocation, torch) is not { Input: { } input } found)
        {
            return;
        }
        var (_, loss, applies) = found;
        var sites = new List<Activation>();
        if (!FinalActivations(input, torch, 0, sites) || sites.Count == 0
            || (applies is null && sites.Any(s => s.Kind != "softmax")))
        {
            // NLLLoss is judged only after a softmax, whose log is what it wants.
            return;
        }
        var kinds = sites.Select(s => s.Kind).Distinct().ToList();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FormsProperty, string.Join(";", sites.Select(s => s.Form.ToString())));
        if (applies is null)
        {
            properties = properties.Add(LogProbabilitiesProperty, "true");
        }
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.TorchSharpRules.ActivationBeforeLogitsLoss,
            input.Syntax.GetLocation(),
            sites.Select(s => s.Node.Syntax.GetLocation()),
            properties,
            input.Syntax.ToString(), string.Join(" or ", kinds), loss,
            applies is null ? "log-probabilities: log_softmax, not softmax" : "logits and applies " + applies + " itself"));
    }

    /// <summary>The input argument of a loss that expects logits, the loss's name, and what it applies itself (null for NLLLoss, which expects log-probabilities).</summary>
    private static (IOperation? Input, string Loss, string? Applies)? LossInput(IInvocationOperation invocation, TorchSymbols torch)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "cross_entropy" when method.IsStatic && torch.IsTorchSharp(method):
                return (Values.Argument(invocation, 0), "cross_entropy", "log_softmax");
            case "binary_cross_entropy_with_logits" when method.IsStatic && torch.IsTorchSharp(method):
                return (Values.Argument(invocation, 0), "binary_cross_entropy_with_logits", "the sigmoid");
            case "nll_loss" when method.IsStatic && torch.IsTorchSharp(method):
                return (Values.Argument(invocation, 0), "nll_loss", null);
            case "call" or "forward" when Modules.IsModuleCall(invocation, torch):
                if (Modules.All(invocation.Instance!, torch, m => m.Is("CrossEntropyLoss")))
                {
                    return (Values.Argument(invocation, 0), "CrossEntropyLoss", "log_softmax");
                }
                if (Modules.All(invocation.Instance!, torch, m => m.Is("BCEWithLogitsLoss")))
                {
                    return (Values.Argument(invocation, 0), "BCEWithLogitsLoss", "the sigmoid");
                }
                if (Modules.All(invocation.Instance!, torch, m => m.Is("NLLLoss")))
                {
                    return (Values.Argument(invocation, 0), "NLLLoss", null);
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Collects the activation at the end of every path that produces <paramref name="value"/>; false
    /// when some path ends in anything else or cannot be followed.
    /// </summary>
    private static bool FinalActivations(IOperation value, TorchSymbols torch, int depth, List<Activation> sites)
    {
        if (depth > MaxDepth)
        {
            return false;
        }
        switch (Values.Unwrap(value))
        {
            case IInvocationOperation invocation when ActivationFunction(invocation, torch) is { } function:
                sites.Add(new Activation(invocation, function.Kind, function.Form));
                return true;
            case IInvocationOperation invocation when Modules.IsModuleCall(invocation, torch):
                return Modules.Resolve(invocation.Instance!, torch) is { Count: > 0 } modules
                    && modules.All(m => ModuleActivations(m, invocation, torch, depth, sites));
            case IInvocationOperation invocation when !torch.IsTorchSharp(invocation.TargetMethod)
                && torch.SourceType(invocation.TargetMethod.ContainingType)?.BodyOf(invocation.TargetMethod) is { } body:
                return ReturnsActivations(body, torch, depth + 1, sites);
            case ILocalReferenceOperation local:
                return Values.ReachingValue(local.Local, local) is { } reaching && FinalActivations(reaching, torch, depth, sites);
            case IConditionalOperation { WhenFalse: not null } conditional:
                return FinalActivations(conditional.WhenTrue, torch, depth, sites) && FinalActivations(conditional.WhenFalse, torch, depth, sites);
            default:
                return false;
        }
    }

    private static bool ModuleActivations(ModuleRef module, IInvocationOperation call, TorchSymbols torch, int depth, List<Activation> sites)
    {
        if (module.Is("Softmax", "Sigmoid"))
        {
            sites.Add(new Activation(call, module.BuiltIn == "Softmax" ? "softmax" : "sigmoid", ActivationForm.ModuleCall));
            return true;
        }
        if (Modules.SequentialElements(module) is { Count: > 0 } elements)
        {
            var last = elements[elements.Count - 1];
            return Modules.Resolve(last, torch, depth) is { Count: > 0 } lastModules && lastModules.All(m =>
            {
                if (m.Is("Softmax", "Sigmoid"))
                {
                    sites.Add(new Activation(last, m.BuiltIn == "Softmax" ? "softmax" : "sigmoid", ActivationForm.SequentialElement));
                    return true;
                }
                return m.Source?.Forward() is { } forward && ReturnsActivations(forward.Body, torch, depth + 1, sites);
            });
        }
        return module.Source?.Forward() is { } own && ReturnsActivations(own.Body, torch, depth + 1, sites);
    }

    private static bool ReturnsActivations(IOperation body, TorchSymbols torch, int depth, List<Activation> sites)
    {
        var returns = Values.ReturnValues(body);
        return returns.Count > 0 && returns.All(r => FinalActivations(r, torch, depth, sites));
    }

    /// <summary>softmax/sigmoid as a tensor method (<c>x.softmax(1)</c>) or a function of torch, torch.special or nn.functional.</summary>
    private static (string Kind, ActivationForm Form)? ActivationFunction(IInvocationOperation invocation, TorchSymbols torch)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("softmax" or "sigmoid") || !torch.IsTorchSharp(method))
        {
            return null;
        }
        if (!method.IsStatic && torch.IsTensor(method.ContainingType))
        {
            return (method.Name, ActivationForm.TensorMethod);
        }
        return method.IsStatic && method.Parameters.Length > 0 && torch.IsTensor(method.Parameters[0].Type)
            ? (method.Name, ActivationForm.Function)
            : null;
    }

    private sealed class Activation
    {
        public Activation(IOperation node, string kind, ActivationForm form)
        {
            Node = node;
            Kind = kind;
            Form = form;
        }

        public IOperation Node { get; }

        public string Kind { get; }

        public ActivationForm Form { get; }
    }
}

/// <summary>How an activation is written, so the code fix knows how to remove it.</summary>
public enum ActivationForm
{
    /// <summary><c>x.softmax(1)</c>: keep the receiver.</summary>
    TensorMethod,

    /// <summary><c>softmax(x, 1)</c>, <c>torch.sigmoid(x)</c>: keep the first argument.</summary>
    Function,

    /// <summary><c>softmaxModule.call(x)</c>: keep the argument.</summary>
    ModuleCall,

    /// <summary>The last element of <c>nn.Sequential(...)</c>: remove the element.</summary>
    SequentialElement,
}
