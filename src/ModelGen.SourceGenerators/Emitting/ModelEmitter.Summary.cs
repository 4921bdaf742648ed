using System.CodeDom.Compiler;
using System.Linq;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>The summary table, computed at compile time: no forward pass is needed to print it.</summary>
    private static void WriteSummary(IndentedTextWriter writer, CheckedModel model)
    {
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>The layers, their output shapes and parameter counts, computed at compile time.</summary>");
        writer.WriteLine("public static global::ModelGen.ModelSummary Summary { get; } = new global::ModelGen.ModelSummary(");
        writer.Indent++;
        writer.WriteLine(Code.String(model.Spec.Name) + ",");
        writer.WriteLine("new[] { " + string.Join(", ", model.Inputs.Select(i => Code.String($"{i.Name}: [{i.ShapeText}]"))) + " },");
        writer.WriteLine("new global::ModelGen.ModelSummaryRow[]");
        writer.WriteLine("{");
        writer.Indent++;
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"new({Code.String(layer.ModuleName)}, {Code.String(layer.ModuleType)}, {Code.String(layer.OutputShape)}, {Code.Long(layer.Parameters)}, {Code.Long(layer.Parameters)}),");
        }
        writer.Indent--;
        writer.WriteLine("});");
        writer.Indent--;
    }
}
