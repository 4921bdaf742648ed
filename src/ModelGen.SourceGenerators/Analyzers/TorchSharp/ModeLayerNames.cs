using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>TorchSharp layers whose behaviour depends on <c>train()</c>/<c>eval()</c>, found in a module expression.</summary>
internal static class ModeLayerNames
{
    private static readonly string[] Names =
    {
        "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout",
    };

    public static bool IsModeLayer(string? name) => name is not null && Names.Contains(name);

    public static bool IsBatchNorm(string? name) => name is "BatchNorm1d" or "BatchNorm2d" or "BatchNorm3d";

    /// <summary>Adds the mode-dependent layers <paramref name="module"/> can hold (itself, its Sequential elements, its class's members) to <paramref name="found"/>.</summary>
    public static void Collect(IOperation module, TorchSymbols torch, ISet<string> found)
    {
        if (Modules.Resolve(module, torch) is not { } modules)
        {
            return;
        }
        foreach (var m in modules)
        {
            if (IsModeLayer(m.BuiltIn))
            {
                found.Add(m.BuiltIn!);
            }
            foreach (var element in Modules.SequentialElements(m) ?? Enumerable.Empty<IOperation>())
            {
                Collect(element, torch, found);
            }
            if (m.Source is { } source)
            {
                found.UnionWith(source.ModeLayers());
            }
        }
    }
}
