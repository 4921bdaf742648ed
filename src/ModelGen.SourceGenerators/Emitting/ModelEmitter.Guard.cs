using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>
    /// The entry guard: each input's rank and fixed sizes, each symbolic size bound at its first
    /// occurrence and compared at the others (N of x == N of y), then the conditions on sizes that only
    /// the run time can decide. A failure throws the model's own exception before any layer runs.
    /// It reads the rank and each size it checks one by one: TorchSharp's <c>shape</c> copies the sizes
    /// through a callback and costs about seven times as much; the message reads it only on failure.
    /// </summary>
    private static void WriteGuard(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        var taken = new HashSet<string>(spec.Inputs.Select(i => i.Name));
        var locals = new Dictionary<string, string>();
        var boundAt = new Dictionary<string, string>();

        // A size is bound to a local only where something later compares against it.
        var uses = new Dictionary<string, int>();
        foreach (var symbol in model.Inputs.SelectMany(i => i.Dims).Concat(model.Requirements.SelectMany(r => new[] { r.Value, r.Minimum })).SelectMany(d => d.Symbols))
        {
            uses[symbol] = uses.TryGetValue(symbol, out int count) ? count + 1 : 1;
        }

        var hyperparameters = new HashSet<string>(spec.Hyperparameters.Where(h => h.IsInteger).Select(h => h.Name));
        foreach (var name in hyperparameters)
        {
            locals[name] = name;
        }

        writer.WriteLineNoTabs("");
        writer.WriteLine($"private {(spec.IsParameterized ? "" : "static ")}void CheckInputs({InputParameters(spec)})");
        writer.WriteLine("{");
        writer.Indent++;
        foreach (var input in model.Inputs)
        {
            WriteCheck(writer, spec, input, $"{input.Name}.Dimensions != {input.Dims.Count}", $"expected {input.Dims.Count} dimensions");
            if (input.DType != "Float32")
            {
                WriteCheck(writer, spec, input, $"{input.Name}.dtype != ScalarType.{input.DType}", $"its elements must be {input.DType}, not ", input.Name + ".dtype");
            }
            for (int d = 0; d < input.Dims.Count; d++)
            {
                var dim = input.Dims[d];
                string size = $"{input.Name}.size({d})";
                if (dim.ConstantValue is { } fixedSize)
                {
                    WriteCheck(writer, spec, input, $"{size} != {Code.Long(fixedSize)}", $"dimension {d} must be {Code.Long(fixedSize)}");
                    continue;
                }
                string symbol = dim.ToString();
                if (hyperparameters.Contains(symbol))
                {
                    WriteCheck(writer, spec, input, $"{size} != {symbol}", $"dimension {d} must equal the hyperparameter {symbol} = ", symbol);
                    continue;
                }
                if (locals.TryGetValue(symbol, out var local))
                {
                    WriteCheck(writer, spec, input, $"{size} != {local}",
                        $"dimension {d} ({symbol}) must equal {symbol} of {boundAt[symbol]} = ", local);
                    continue;
                }
                if (uses[symbol] < 2)
                {
                    continue;
                }
                local = Unique(SyntaxFacts.GetKeywordKind(symbol) == SyntaxKind.None ? symbol : symbol + "Size", taken);
                locals[symbol] = local;
                boundAt[symbol] = $"input '{input.Name}'";
                writer.WriteLine($"var {local} = {size};");
            }
        }
        foreach (var requirement in model.Requirements)
        {
            string value = requirement.Value.ToCSharp(s => locals.TryGetValue(s, out var l) ? l : s);
            string minimum = requirement.Minimum.ToCSharp(s => locals.TryGetValue(s, out var l) ? l : s);
            // Named after the first input whose sizes it involves (a condition on hyperparameters alone names the first input).
            var input = model.Inputs.FirstOrDefault(i => requirement.Value.Symbols.Concat(requirement.Minimum.Symbols).Any(s => i.Dims.Any(d => d.Symbols.Contains(s))))
                ?? model.Inputs[0];
            WriteCheck(writer, spec, input, $"{value} < {minimum}", $"{requirement.Value} must be at least {requirement.Minimum}: {requirement.Reason}");
        }
        writer.Indent--;
        writer.WriteLine("}");
    }

    private static void WriteCheck(IndentedTextWriter writer, ModelSpec spec, CheckedInput input, string failure, string reason, string? bound = null)
    {
        writer.WriteLine($"if ({failure})");
        writer.WriteLine("{");
        writer.Indent++;
        string message = bound is null ? Code.String(reason) : $"{Code.String(reason)} + {bound}";
        writer.WriteLine($"throw new global::ModelGen.ModelInputShapeException({Code.String(spec.Name)}, {Code.String(input.Name)}, {Code.String(input.ShapeText)}, {input.Name}.shape, {message});");
        writer.Indent--;
        writer.WriteLine("}");
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }
        return candidate;
    }
}
