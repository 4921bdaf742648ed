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
        writer.WriteLine($"/// Runs the model{(model.OutputShape.Length > 0 ? " and returns a tensor of shape " + Xml(model.OutputShape) : "")}.");
        writer.WriteLine("/// </summary>");
        foreach (var input in model.Inputs)
        {
            writer.WriteLine($"/// <param name=\"{input.Name}\">A tensor of shape [{Xml(input.ShapeText)}].</param>");
        }
        writer.WriteLine("/// <exception cref=\"global::ModelGen.ModelInputShapeException\">An input does not have its declared shape.</exception>");
        writer.WriteLine($"public override Tensor forward({InputParameters(spec)})");
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
                string call = $"{Code.FieldName(layer.PropertyName)}.call({current})";
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
        writer.WriteLine("/// running statistics) and records no gradients. <see cref=\"TrainStep\"/> switches back to training mode.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public Tensor Predict({InputParameters(spec)})");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine("eval();");
        writer.WriteLine("using (torch.no_grad())");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine($"return call({InputArguments(spec)});");
        writer.Indent--;
        writer.WriteLine("}");
        writer.Indent--;
        writer.WriteLine("}");
    }

    private static void WriteTrainStep(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// One training step in training mode: forward, loss, backward, optimizer step. Every tensor it");
        writer.WriteLine("/// creates is disposed before it returns, so native memory stays flat over any number of steps.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"target\">What the loss compares the output with.</param>");
        writer.WriteLine("/// <param name=\"optimizer\">An optimizer over this model's parameters.</param>");
        writer.WriteLine("/// <param name=\"loss\">The loss module, called as loss(output, target).</param>");
        writer.WriteLine("/// <returns>The loss before the step.</returns>");
        string inputs = string.Join(", ", spec.Inputs.Select(i => "Tensor " + i.Name).Append("Tensor target"));
        writer.WriteLine($"public float TrainStep({inputs}, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss)");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine("using var scope = torch.NewDisposeScope();");
        writer.WriteLine("train();");
        writer.WriteLine("optimizer.zero_grad();");
        writer.WriteLine($"var output = call({InputArguments(spec)});");
        writer.WriteLine("var value = loss.call(output, target);");
        writer.WriteLine("value.backward();");
        writer.WriteLine("optimizer.step();");
        writer.WriteLine("return value.item<float>();");
        writer.Indent--;
        writer.WriteLine("}");
    }
}
