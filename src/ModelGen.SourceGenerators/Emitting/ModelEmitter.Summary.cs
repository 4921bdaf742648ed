using System.CodeDom.Compiler;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>
    /// The summary table, computed at compile time: no forward pass is needed to print it. A model with
    /// hyperparameters has one per instance, its counts evaluated from the hyperparameters.
    /// </summary>
    private static void WriteSummary(IndentedTextWriter writer, CheckedModel model)
    {
        bool perInstance = model.Spec.IsParameterized;
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>The layers, their output shapes and parameter counts, computed at compile time.</summary>");
        writer.WriteLine(perInstance
            ? "public global::ModelGen.ModelSummary Summary => new global::ModelGen.ModelSummary("
            : "public static global::ModelGen.ModelSummary Summary { get; } = new global::ModelGen.ModelSummary(");
        writer.Indent++;
        writer.WriteLine(Code.String(model.Spec.Name) + ",");
        writer.WriteLine("new[] { " + string.Join(", ", model.Inputs.Select(i => Code.String($"{i.Name}: [{i.ShapeText}]" + (i.DType == "Float32" ? "" : " " + i.DType)))) + " },");
        writer.WriteLine("new global::ModelGen.ModelSummaryRow[]");
        writer.WriteLine("{");
        writer.Indent++;
        foreach (var layer in model.Layers)
        {
            string count = Code.Size(layer.Parameters);
            writer.WriteLine($"new({Code.String(layer.ModuleName)}, {Code.String(layer.Kind)}, {Code.String(layer.OutputShape)}, {count}, {(layer.Frozen ? "0" : count)}),");
        }
        foreach (var tensor in model.Tensors.Where(t => !t.IsBuffer))
        {
            string count = Code.Size(tensor.Shape.Aggregate(Dim.One, (p, d) => p * d));
            writer.WriteLine($"new({Code.String(tensor.ModuleName)}, \"Parameter\", {Code.String("[" + string.Join(", ", tensor.Shape) + "]")}, {count}, {count}),");
        }
        writer.Indent--;
        writer.WriteLine("});");
        writer.Indent--;
    }
}
