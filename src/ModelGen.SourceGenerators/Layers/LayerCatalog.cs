using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>Every layer attribute ModelGen knows, by kind (the attribute's name without <c>Attribute</c>).</summary>
internal static class LayerCatalog
{
    private static readonly Dictionary<string, LayerDefinition> Definitions = new LayerDefinition[]
    {
        new LinearLayer(),
        new Conv1dLayer(),
        new Conv2dLayer(),
        new MaxPool2dLayer(),
        new AvgPool2dLayer(),
        new AdaptiveAvgPool2dLayer(),
        new BatchNormLayer("BatchNorm1d"),
        new BatchNormLayer("BatchNorm2d"),
        new LayerNormLayer(),
        new DropoutLayer(),
        new FlattenLayer(),
        new ReshapeLayer(),
        new ActivationLayer("ReLU"),
        new ActivationLayer("LeakyReLU"),
        new ActivationLayer("Sigmoid"),
        new ActivationLayer("Tanh"),
        new ActivationLayer("GELU"),
        new SoftmaxLayer("Softmax"),
        new SoftmaxLayer("LogSoftmax"),
        new ConvTranspose2dLayer(),
        new EmbeddingLayer(),
        new RecurrentLayer("LSTM", RecurrentKind.Lstm),
        new RecurrentLayer("GRU", RecurrentKind.Gru),
        new RecurrentLayer("RNN", RecurrentKind.Rnn),
        new MultiheadAttentionLayer(),
        new PositionalEncodingLayer(),
    }.ToDictionary(d => d.Kind);

    public static LayerDefinition? Find(string kind) => Definitions.TryGetValue(kind, out var definition) ? definition : null;
}
