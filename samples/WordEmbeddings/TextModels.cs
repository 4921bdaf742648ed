using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Samples.WordEmbeddings;

/// <summary>
/// The seed's Q5 text classifier: every word's learned vector, averaged over the sentence, then a linear layer
/// to the four topics. Padding ids (0) embed to zeros and learn nothing, so the sum over the padded sentence
/// divided by its true length is the mean over its words.
/// </summary>
[Model]
[Input("tokens", "N, T", DType = ScalarType.Int64)]
[Input("lengths", "N, 1")]
public partial class MeanEmbeddingClassifier
{
    [Hyperparameter] public partial int Vocabulary { get; }
    [Embedding(nameof(Vocabulary), 16, PaddingIdx = 0)] public partial Embedding Embed { get; }
    [Linear(4)] public partial Linear Head { get; }

    [Forward]
    private Tensor Forward(Tensor tokens, Tensor lengths)
    {
        var mean = Embed.call(tokens).sum(new long[] { 1 }) / lengths;
        return Head.call(mean);
    }
}

/// <summary>The baseline: logistic regression on how often each vocabulary word occurs in the sentence.</summary>
[Model]
[Input("counts", "N, Vocabulary")]
public partial class BagOfWordsClassifier
{
    [Hyperparameter] public partial int Vocabulary { get; }
    [Linear(4)] public partial Linear Head { get; }
}
