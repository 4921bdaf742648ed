using System.CodeDom.Compiler;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    private static void WriteFields(IndentedTextWriter writer, CheckedModel model)
    {
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"private readonly {layer.ModuleType} {Code.FieldName(layer.PropertyName)};");
        }
        writer.WriteLineNoTabs("");
    }

    /// <summary>
    /// Builds every layer with its inferred sizes and registers it explicitly under its PyTorch-style
    /// name, so state dicts read <c>conv1.weight</c> (RegisterComponents would see only backing fields).
    /// </summary>
    private static void WriteConstructor(IndentedTextWriter writer, CheckedModel model)
    {
        string name = model.Spec.Name;
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Builds the layers, with the input sizes inferred at compile time, and registers each under its state-dict name.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public {name}() : base(nameof({name}))");
        writer.WriteLine("{");
        writer.Indent++;
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"{Code.FieldName(layer.PropertyName)} = {layer.Construction};");
        }
        if (model.Layers.Count > 0)
        {
            writer.WriteLineNoTabs("");
        }
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"register_module({Code.String(layer.ModuleName)}, {Code.FieldName(layer.PropertyName)});");
        }
        writer.Indent--;
        writer.WriteLine("}");
    }

    private static void WriteLayerProperties(IndentedTextWriter writer, CheckedModel model)
    {
        foreach (var layer in model.Layers)
        {
            writer.WriteLineNoTabs("");
            writer.WriteLine($"/// <summary>The layer <c>{Xml(layer.ModuleName)}</c>{(layer.OutputShape.Length > 0 ? ", output " + Xml(layer.OutputShape) : "")}.</summary>");
            writer.WriteLine($"{layer.Modifiers} {layer.ModuleType} {layer.PropertyName} => {Code.FieldName(layer.PropertyName)};");
        }
    }
}
