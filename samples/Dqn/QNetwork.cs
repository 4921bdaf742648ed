using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.Dqn;

/// <summary>
/// The action-value network: a cart-pole state in, one Q-value per action out. The seed's Q4/Q8 value network
/// took state and action and its output ignored both; here the state is the only input and the action selects
/// an output, so max over actions is one forward pass, and the checker proves the input reaches the output.
/// </summary>
[Model]
[Input("state", "N, 4")]
public partial class QNetwork
{
    [Linear(128, Activation = Activation.ReLU)] public partial Linear Hidden1 { get; }
    [Linear(128, Activation = Activation.ReLU)] public partial Linear Hidden2 { get; }
    [Linear(2)] public partial Linear Values { get; }
}
