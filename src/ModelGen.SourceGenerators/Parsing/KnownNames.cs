namespace ModelGen.SourceGenerators.Parsing;

/// <summary>Metadata names the parser recognises.</summary>
internal static class KnownNames
{
    public const string ModelAttribute = "ModelGen.ModelAttribute";
    public const string InputAttribute = "ModelGen.InputAttribute";
    public const string ForwardAttribute = "ModelGen.ForwardAttribute";
    public const string LayerAttribute = "ModelGen.LayerAttribute";
    public const string HyperparameterAttribute = "ModelGen.HyperparameterAttribute";
    public const string ParameterAttribute = "ModelGen.ParameterAttribute";
    public const string BufferAttribute = "ModelGen.BufferAttribute";
    public const string FrozenAttribute = "ModelGen.FrozenAttribute";
    public const string GanAttribute = "ModelGen.GanAttribute";
    public const string Tensor = "TorchSharp.torch.Tensor";
    public const string Torch = "TorchSharp.torch";
    public const string Functional = "TorchSharp.torch.nn.functional";
}
