using System.CodeDom.Compiler;
using System.Linq;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>
    /// The forward override: the entry guard, then either the sequential chain of layers or a call of
    /// the user's <c>[Forward]</c> method, which is left exactly as written.
    /// </summary>
    private static void WriteForward(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>");
        string returns = model.OutputShape.Length == 0 ? "" : spec.Forward is { ReturnsTuple: true } ? " and returns " : " and returns a tensor of shape ";
        writer.WriteLine($"/// Runs the model{(returns.Length > 0 ? returns + Xml(model.OutputShape) : "")}.");
        writer.WriteLine("/// </summary>");
        foreach (var input in model.Inputs)
        {
            writer.WriteLine($"/// <param name=\"{input.Name}\">A tensor of shape [{Xml(input.ShapeText)}].</param>");
        }
        writer.WriteLine("/// <exception cref=\"global::ModelGen.ModelInputShapeException\">An input does not have its declared shape.</exception>");
        writer.WriteLine($"public override {OutputType(spec)} forward({InputParameters(spec)})");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine($"CheckInputs({InputArguments(spec)});");
        if (spec.Forward is { } forward)
        {
            writer.WriteLine($"return {forward.MethodName}({InputArguments(spec)});");
        }
        else
        {
            string current = spec.Inputs[0].Name;
            for (int i = 0; i < model.Layers.Count; i++)
            {
                var layer = model.Layers[i];
                string call = layer.ChainCall.Replace("{field}", Code.FieldName(layer.PropertyName)).Replace("{input}", current);
                writer.WriteLine(i == 0 ? $"var h = {call};" : $"h = {call};");
                current = "h";
                if (ActivationCall(layer.Activation, "h") is { } activation)
                {
                    writer.WriteLine($"h = {activation};");
                }
            }
            writer.WriteLine($"return {current};");
        }
        writer.Indent--;
        writer.WriteLine("}");
    }

    private static string? ActivationCall(string activation, string tensor) => activation switch
    {
        "ReLU" => $"nn.functional.relu({tensor})",
        "LeakyReLU" => $"nn.functional.leaky_relu({tensor})",
        "Sigmoid" => $"nn.functional.sigmoid({tensor})",
        "Tanh" => $"nn.functional.tanh({tensor})",
        "GELU" => $"nn.functional.gelu({tensor})",
        "Softmax" => $"nn.functional.softmax({tensor}, -1)",
        "LogSoftmax" => $"nn.functional.log_softmax({tensor}, -1)",
        _ => null,
    };

    /// <summary>Inference: evaluation mode (dropout off, batch norm on running statistics) and no gradient tape.</summary>
    private static void WritePredict(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Runs the model for inference: switches it to evaluation mode (dropout off, batch norm on its");
        writer.WriteLine("/// running statistics) and records no gradients; the training steps switch back to training mode.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public {OutputType(spec)} Predict({InputParameters(spec)})");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine("eval();");
        writer.WriteLine("using (no_grad())");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine($"return call({InputArguments(spec)});");
        writer.Indent--;
        writer.WriteLine("}");
        writer.Indent--;
        writer.WriteLine("}");
    }

}
