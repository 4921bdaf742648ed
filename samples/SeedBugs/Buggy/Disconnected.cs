// Seed Q4 (line 123), lines 147-149, again in Q8 (line 296): Model(inputs=[Input(state_size), Input(action_size)],
// outputs=[Dense(units=1)]). The output is a layer, not computed from the inputs, so neither input reaches it.
// Q5 (line 185) and Q7 (line 256) import Embedding (and LSTM) and never use them (disconnected-model).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

/// <summary>The value network of Q4/Q8: a Dense(1) head whose input is neither the state nor the action.</summary>
public sealed class ValueNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear value;

    public ValueNetwork(long stateSize, long actionSize) : base(nameof(ValueNetwork))
    {
        value = nn.Linear(stateSize + actionSize, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor state, Tensor action) =>    // MG0003 // MG0003
        value.call(torch.zeros(1, value.in_features));
}

/// <summary>The word model of Q5: an Embedding declared and registered, and a head fed the raw token ids.</summary>
public sealed class WordModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;                                 // MG0010
    private readonly Linear head;

    public WordModel(long vocabulary, long sequenceLength) : base(nameof(WordModel))
    {
        embedding = nn.Embedding(vocabulary, 16);
        head = nn.Linear(sequenceLength, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => head.call(tokens.to_type(ScalarType.Float32));
}
