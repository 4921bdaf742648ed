using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0108: a hand-written batch norm reduces its statistics over axes that leave out the batch axis 0
/// (the seed's <c>axis=-1</c>; <c>x.mean(1)</c> on [N, C, H, W]), so each example is normalised with
/// its own statistics. Only constant axes are judged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchNormAxisAnalyzer : BatchNormClassAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.BatchNormAxis);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, BatchNormClass norm, TorchSymbols torch)
    {
        var source = norm.Source;
        foreach (var (reduction, _) in norm.Reductions)
        {
            if (Dims(reduction) is { Count: > 0 } dims && !dims.Contains(0))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TorchSharpRules.BatchNormAxis, reduction.Syntax.GetLocation(),
                    reduction.Syntax.ToString(), string.Join(", ", dims), source.Type.Name));
            }
        }
    }

    /// <summary>The constant axes a reduction is over (<c>1</c>, <c>new long[] { 1, 2 }</c>, a params list), or null when they are not all constants or not given.</summary>
    private static List<long>? Dims(IInvocationOperation reduction)
    {
        foreach (var argument in reduction.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue
                || parameter.Name is not ("dim" or "dimensions" or "dims" or "axis"))
            {
                continue;
            }
            var value = Values.Resolve(argument.Value);
            if (value.ConstantValue is { HasValue: true, Value: { } single } && IsInteger(single))
            {
                return new List<long> { System.Convert.ToInt64(single, System.Globalization.CultureInfo.InvariantCulture) };
            }
            var elements = value switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ITupleOperation tuple => tuple.Elements,
                _ => default,
            };
            if (!elements.IsDefault)
            {
                var dims = new List<long>();
                foreach (var element in elements)
                {
                    if (Values.Unwrap(element).ConstantValue is not { HasValue: true, Value: { } constant } || !IsInteger(constant))
                    {
                        return null;
                    }
                    dims.Add(System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
                }
                return dims;
            }
            return null;
        }
        return null;
    }

    private static bool IsInteger(object value) => value is int or long or short or sbyte;
}
