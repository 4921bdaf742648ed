using System.CodeDom.Compiler;
using System.Linq;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    private static void WriteFields(IndentedTextWriter writer, CheckedModel model)
    {
        foreach (var hyper in model.Spec.Hyperparameters)
        {
            writer.WriteLine($"private readonly {hyper.Type} {Code.FieldName(hyper.Name)};");
        }
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"private readonly {layer.TypeName} {Code.FieldName(layer.PropertyName)};");
        }
        foreach (var tensor in model.Tensors)
        {
            writer.WriteLine($"private readonly {(tensor.IsBuffer ? "Tensor" : "Parameter")} {Code.FieldName(tensor.PropertyName)};");
        }
        writer.WriteLineNoTabs("");
    }

    /// <summary>
    /// The constructor's parameters: one per hyperparameter, camelCase, optional where it has a default and no
    /// required one follows (that order is an error, MG0007; the minimal part must still compile).
    /// </summary>
    private static string ConstructorParameters(ModelSpec spec) => string.Join(", ", spec.Hyperparameters.Select((h, i) =>
        $"{h.Type} {ParameterName(h.Name)}" + (h.DefaultCode is null || spec.Hyperparameters.Skip(i + 1).Any(later => later.DefaultCode is null) ? "" : " = " + h.DefaultCode)));

    private static string ParameterName(string property)
    {
        string name = char.ToLowerInvariant(property[0]) + property.Substring(1);
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;
    }

    /// <summary>
    /// Builds every layer with its inferred sizes and registers it explicitly under its PyTorch-style
    /// name, so state dicts read <c>conv1.weight</c> (RegisterComponents would see only backing fields).
    /// </summary>
    private static void WriteConstructor(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Builds the layers, with the input sizes inferred at compile time, and registers each under its state-dict name.");
        writer.WriteLine("/// </summary>");
        foreach (var hyper in spec.Hyperparameters)
        {
            writer.WriteLine($"/// <param name=\"{ParameterName(hyper.Name).TrimStart('@')}\">The hyperparameter <see cref=\"{hyper.Name}\"/>.</param>");
        }
        writer.WriteLine($"public {spec.Name}({ConstructorParameters(spec)}) : base(nameof({spec.Name}))");
        writer.WriteLine("{");
        writer.Indent++;
        foreach (var hyper in spec.Hyperparameters)
        {
            writer.WriteLine($"{Code.FieldName(hyper.Name)} = {ParameterName(hyper.Name)};");
        }
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"{Code.FieldName(layer.PropertyName)} = {layer.Construction};");
        }
        foreach (var tensor in model.Tensors)
        {
            writer.WriteLine($"{Code.FieldName(tensor.PropertyName)} = {TensorConstruction(tensor)};");
        }
        writer.WriteLineNoTabs("");
        foreach (var layer in model.Layers)
        {
            writer.WriteLine($"register_module({Code.String(layer.ModuleName)}, {Code.FieldName(layer.PropertyName)});");
        }
        foreach (var tensor in model.Tensors)
        {
            writer.WriteLine(tensor.IsBuffer
                ? $"register_buffer({Code.String(tensor.ModuleName)}, {Code.FieldName(tensor.PropertyName)});"
                : $"register_parameter({Code.String(tensor.ModuleName)}, {Code.FieldName(tensor.PropertyName)});");
        }
        foreach (var layer in model.Layers.Where(l => l.Frozen))
        {
            writer.WriteLineNoTabs("");
            writer.WriteLine($"// {layer.PropertyName} is [Frozen]: its parameters are not trained.");
            writer.WriteLine($"foreach (var parameter in {Code.FieldName(layer.PropertyName)}.parameters())");
            writer.WriteLine("{");
            writer.Indent++;
            writer.WriteLine("parameter.requires_grad = false;");
            writer.Indent--;
            writer.WriteLine("}");
        }
        writer.Indent--;
        writer.WriteLine("}");
        WriteRegisterComponents(writer);
    }

    /// <summary>
    /// TorchSharp's register_module calls the child's RegisterComponents, which would register every
    /// module field again under its field name (<c>block._conv1.weight</c> beside <c>block.conv1.weight</c>)
    /// when this model is a [Submodel]; the constructor has registered everything already.
    /// </summary>
    private static void WriteRegisterComponents(IndentedTextWriter writer)
    {
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>Registers nothing: the constructor registers every layer under its state-dict name.</summary>");
        writer.WriteLine("protected override void RegisterComponents()");
        writer.WriteLine("{");
        writer.WriteLine("}");
    }

    private static string TensorConstruction(CheckedTensor tensor)
    {
        string function = tensor.Init switch
        {
            "Ones" => "ones",
            "Normal" => "randn",
            _ => "zeros",
        };
        string sizes = tensor.Shape.Count == 1 ? Code.Size(tensor.Shape[0]) : "new long[] { " + string.Join(", ", tensor.Shape.Select(Code.Size)) + " }";
        string values = $"{function}({sizes})";
        return tensor.IsBuffer ? values : $"new Parameter({values})";
    }

    private static void WriteLayerProperties(IndentedTextWriter writer, CheckedModel model)
    {
        foreach (var hyper in model.Spec.Hyperparameters)
        {
            writer.WriteLineNoTabs("");
            writer.WriteLine($"/// <summary>The hyperparameter {Xml(hyper.Name)}, as given to the constructor.</summary>");
            writer.WriteLine($"{hyper.Modifiers} {hyper.Type} {hyper.Name} => {Code.FieldName(hyper.Name)};");
        }
        foreach (var layer in model.Layers)
        {
            writer.WriteLineNoTabs("");
            writer.WriteLine($"/// <summary>The layer <c>{Xml(layer.ModuleName)}</c>{(layer.OutputShape.Length > 0 ? ", output " + Xml(layer.OutputShape) : "")}.</summary>");
            writer.WriteLine($"{layer.Modifiers} {layer.TypeName} {layer.PropertyName} => {Code.FieldName(layer.PropertyName)};");
        }
        foreach (var tensor in model.Tensors)
        {
            writer.WriteLineNoTabs("");
            string shape = "[" + string.Join(", ", tensor.Shape) + "]";
            writer.WriteLine($"/// <summary>The {(tensor.IsBuffer ? "buffer" : "learned parameter")} <c>{Xml(tensor.ModuleName)}</c>, shape {Xml(shape)}.</summary>");
            writer.WriteLine($"{tensor.Modifiers} {(tensor.IsBuffer ? "Tensor" : "Parameter")} {tensor.PropertyName} => {Code.FieldName(tensor.PropertyName)};");
        }
    }
}
