using System.Linq;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>What a model's output ends with, read from its declaration: the last layer, or what its [Forward] returns.</summary>
internal static class ModelOutputs
{
    /// <summary><c>softmax</c>, <c>sigmoid</c>, or null when the output ends with neither.</summary>
    public static string? FinalActivation(ModelSpec model)
    {
        if (model.Forward is { } forward)
        {
            var returned = forward.Statements.LastOrDefault(s => s.Kind == ForwardStatementKind.Return)?.Value;
            if (returned is { Kind: ForwardNodeKind.List, Operands.Count: > 0 })
            {
                // A model that returns a tuple is trained on its first output.
                returned = returned.Operands[0];
            }
            return returned switch
            {
                { Kind: ForwardNodeKind.Operation, Name: "softmax" or "sigmoid" } => returned.Name,
                { Kind: ForwardNodeKind.LayerCall } call => LayerActivation(model.Layers.FirstOrDefault(l => l.PropertyName == call.Name)),
                _ => null,
            };
        }
        return model.Layers.Count == 0 ? null : LayerActivation(model.Layers[model.Layers.Count - 1]);
    }

    private static string? LayerActivation(LayerSpec? layer)
    {
        if (layer is null)
        {
            return null;
        }
        if (layer.Kind is "Softmax" or "Sigmoid")
        {
            return layer.Kind.ToLowerInvariant();
        }
        var option = layer.Arguments.FirstOrDefault(a => a.Name == "Activation")?.Value;
        return option is { Kind: HyperValueKind.EnumMember, Text: "Softmax" or "Sigmoid" } ? option.Text.ToLowerInvariant() : null;
    }
}
