// Seed Q4 (line 123), Q5 (line 185), Q8 (line 296), fixed: the value is computed from the state and the action
// together, and the word model embeds its tokens before the head.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

/// <summary>The value network of Q4/Q8: Dense(1) over the concatenated state and action.</summary>
public sealed class ValueNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear value;

    public ValueNetwork(long stateSize, long actionSize) : base(nameof(ValueNetwork))
    {
        value = nn.Linear(stateSize + actionSize, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor state, Tensor action) =>
        value.call(torch.cat(new[] { state, action }, 1));
}

/// <summary>The word model of Q5: token ids embedded, flattened, then the head.</summary>
public sealed class WordModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Linear head;

    public WordModel(long vocabulary, long sequenceLength) : base(nameof(WordModel))
    {
        embedding = nn.Embedding(vocabulary, 16);
        head = nn.Linear(sequenceLength * 16, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => head.call(embedding.call(tokens).flatten(1));
}
