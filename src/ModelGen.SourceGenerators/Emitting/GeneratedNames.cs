using System.Collections.Generic;

namespace ModelGen.SourceGenerators.Emitting;

/// <summary>
/// The names the generated part of a model declares or uses unqualified, besides the backing field of each
/// hyperparameter, layer and tensor (<see cref="Code.FieldName"/>). A user declaration with one of them would
/// break or change the generated code, so the parser reports it (MG0007). GeneratedNamesTests keeps this in step
/// with what the emitter writes.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>Members of the generated part.</summary>
    public static readonly HashSet<string> Members = new(System.StringComparer.Ordinal)
    {
        "forward", "Predict", "TrainStep", "TrainableParameters", "Summary", "CheckInputs", "RegisterComponents", "AdversarialStep", "Generate",
    };

    /// <summary>Types and namespaces the generated code names unqualified: a member of the model with one of these names hides them.</summary>
    public static readonly HashSet<string> Unqualified = new(System.StringComparer.Ordinal)
    {
        "nn", "torch", "optim", "Tensor", "Parameter", "ScalarType", "no_grad", "NewDisposeScope", "ones_like", "zeros_like",
    };

    /// <summary>Parameters and locals of the generated methods that take the inputs: an input of the same name would clash.</summary>
    public static readonly HashSet<string> InputScope = new(System.StringComparer.Ordinal)
    {
        "target", "optimizer", "loss", "scope", "output", "value", "h",
        "real", "generatorOptimizer", "discriminatorOptimizer", "fake", "realScores", "fakeScores", "discriminatorLoss", "scores", "generatorLoss",
    };
}
