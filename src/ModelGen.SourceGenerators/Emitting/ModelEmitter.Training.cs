using System.CodeDom.Compiler;
using System.Linq;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Emitting;

internal static partial class ModelEmitter
{
    private static void WriteTrainStep(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        // A model that returns a tuple is trained on its first output by a loss module; the overload with a function sees them all.
        string trained = spec.Forward is { ReturnsTuple: true } forward ? "output." + forward.OutputName(0) : "output";
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// One training step in training mode: forward, loss, backward, optimizer step. Every tensor it");
        writer.WriteLine("/// creates is disposed before it returns, so native memory stays flat over any number of steps.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"target\">What the loss compares the output with.</param>");
        writer.WriteLine("/// <param name=\"optimizer\">An optimizer over this model's parameters.</param>");
        writer.WriteLine(trained == "output"
            ? "/// <param name=\"loss\">The loss module, called as loss(output, target).</param>"
            : $"/// <param name=\"loss\">The loss module, called as loss({trained}, target): the first output is trained on, the others are not.</param>");
        writer.WriteLine("/// <returns>The loss before the step.</returns>");
        string inputs = string.Join(", ", spec.Inputs.Select(i => "Tensor " + i.Name).Append("Tensor target"));
        writer.WriteLine($"public float TrainStep({inputs}, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss)");
        WriteTrainStepBody(writer, spec, $"loss.call({trained}, target)");

        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// One training step whose loss a function computes from the output: the loss of a value network on");
        writer.WriteLine("/// the actions taken, or a sum of losses over several outputs. Forward, loss, backward, optimizer step,");
        writer.WriteLine("/// in training mode; every tensor it creates is disposed before it returns.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"optimizer\">An optimizer over this model's parameters.</param>");
        writer.WriteLine("/// <param name=\"loss\">Computes the loss, a scalar tensor, from the output.</param>");
        writer.WriteLine("/// <returns>The loss before the step.</returns>");
        writer.WriteLine($"public float TrainStep({InputParameters(spec)}, optim.Optimizer optimizer, global::System.Func<{OutputType(spec)}, Tensor> loss)");
        WriteTrainStepBody(writer, spec, "loss(output)");
    }

    private static void WriteTrainStepBody(IndentedTextWriter writer, ModelSpec spec, string lossCall)
    {
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine("using var scope = NewDisposeScope();");
        writer.WriteLine("train();");
        writer.WriteLine("optimizer.zero_grad();");
        writer.WriteLine($"var output = call({InputArguments(spec)});");
        writer.WriteLine($"var value = {lossCall};");
        writer.WriteLine("value.backward();");
        writer.WriteLine("optimizer.step();");
        writer.WriteLine("return value.item<float>();");
        writer.Indent--;
        writer.WriteLine("}");
    }

    /// <summary>The parameters an optimizer should get: [Frozen] layers' are left out.</summary>
    private static void WriteTrainableParameters(IndentedTextWriter writer)
    {
        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>The parameters that are trained (all but those of [Frozen] layers): give these to the optimizer.</summary>");
        writer.WriteLine("public global::System.Collections.Generic.IEnumerable<Parameter> TrainableParameters() => global::System.Linq.Enumerable.Where(parameters(), p => p.requires_grad);");
    }

    /// <summary>
    /// One adversarial step, the training a GAN needs (the seed's Q3 trains its stacked model like a
    /// classifier instead): the discriminator learns real from detached generated samples with its own
    /// optimizer, then the generator learns to have its samples scored real, with its own optimizer.
    /// </summary>
    private static void WriteAdversarialStep(IndentedTextWriter writer, CheckedModel model)
    {
        var spec = model.Spec;
        string generator = Code.FieldName(spec.Layers[0].PropertyName);
        string discriminator = Code.FieldName(spec.Layers[1].PropertyName);
        string noise = spec.Inputs[0].Name;
        string loss = model.DiscriminatorOutputsProbabilities ? "nn.functional.binary_cross_entropy" : "nn.functional.binary_cross_entropy_with_logits";

        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// One adversarial training step. The discriminator is trained to score real samples 1 and generated");
        writer.WriteLine("/// ones 0, on a detached generated batch so no gradient reaches the generator, and only its optimizer");
        writer.WriteLine("/// steps; then the generator is trained to have its samples scored 1, and only its optimizer steps.");
        writer.WriteLine("/// Every tensor it creates is disposed before it returns.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"real\">A batch of real samples.</param>");
        writer.WriteLine($"/// <param name=\"{noise}\">A batch of generator inputs.</param>");
        writer.WriteLine("/// <param name=\"generatorOptimizer\">An optimizer over the generator's parameters only.</param>");
        writer.WriteLine("/// <param name=\"discriminatorOptimizer\">An optimizer over the discriminator's parameters only.</param>");
        writer.WriteLine("/// <returns>The discriminator's and the generator's losses before their steps.</returns>");
        writer.WriteLine($"public (float DiscriminatorLoss, float GeneratorLoss) AdversarialStep(Tensor real, Tensor {noise}, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer)");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine("using var scope = NewDisposeScope();");
        writer.WriteLine($"CheckInputs({noise});");
        writer.WriteLine("train();");
        writer.WriteLineNoTabs("");
        writer.WriteLine("discriminatorOptimizer.zero_grad();");
        writer.WriteLine($"var fake = {generator}.call({noise});");
        writer.WriteLine($"var realScores = {discriminator}.call(real);");
        writer.WriteLine($"var fakeScores = {discriminator}.call(fake.detach());");
        writer.WriteLine($"var discriminatorLoss = {loss}(realScores, ones_like(realScores)) + {loss}(fakeScores, zeros_like(fakeScores));");
        writer.WriteLine("discriminatorLoss.backward();");
        writer.WriteLine("discriminatorOptimizer.step();");
        writer.WriteLineNoTabs("");
        writer.WriteLine("generatorOptimizer.zero_grad();");
        writer.WriteLine($"var scores = {discriminator}.call(fake);");
        writer.WriteLine($"var generatorLoss = {loss}(scores, ones_like(scores));");
        writer.WriteLine("generatorLoss.backward();");
        writer.WriteLine("generatorOptimizer.step();");
        writer.WriteLine("return (discriminatorLoss.item<float>(), generatorLoss.item<float>());");
        writer.Indent--;
        writer.WriteLine("}");

        writer.WriteLineNoTabs("");
        writer.WriteLine("/// <summary>Generates samples in evaluation mode, without recording gradients.</summary>");
        writer.WriteLine($"public Tensor Generate(Tensor {noise})");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine($"CheckInputs({noise});");
        writer.WriteLine("eval();");
        writer.WriteLine("using (no_grad())");
        writer.WriteLine("{");
        writer.Indent++;
        writer.WriteLine($"return {generator}.call({noise});");
        writer.Indent--;
        writer.WriteLine("}");
        writer.Indent--;
        writer.WriteLine("}");
    }
}
