using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// MG0003 and MG0010 in hand-written modules: the seed's disconnected models (Q4 line 149, Q5 185, Q7 256,
/// Q8 296), whose declared inputs and layers never reach the output.
/// </summary>
public class MG0003MG0010DisconnectedModuleTests
{
    [Fact]
    public async Task The_seeds_value_network_whose_output_ignores_its_inputs_is_reported()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class ValueNetwork : nn.Module<Tensor, Tensor, Tensor>
            {
                private readonly Linear value = nn.Linear(1, 1);
                private readonly Embedding {|MG0010:embedding|} = nn.Embedding(100, 8);
                public ValueNetwork() : base(nameof(ValueNetwork)) => RegisterComponents();

                public override Tensor forward(Tensor {|MG0003:state|}, Tensor {|MG0003:action|}) =>
                    value.call(torch.ones(1, 1));
            }
            """);
        Assert.Equal(
            new[] { "Input 'state' of model 'ValueNetwork' never reaches the output", "Input 'action' of model 'ValueNetwork' never reaches the output", "Layer 'embedding' of model 'ValueNetwork' never reaches the output" }.Order(),
            diagnostics.Select(d => d.GetMessage()).Order());
    }

    [Fact]
    public Task A_parameter_lost_through_locals_helpers_and_a_property_layer_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Critic : nn.Module<Tensor, Tensor, Tensor>
        {
            private Linear StateHead { get; }
            private Linear {|MG0010:ActionHead|} { get; }
            private readonly Sequential trunk;

            public Critic() : base(nameof(Critic))
            {
                StateHead = nn.Linear(4, 16);
                this.ActionHead = nn.Linear(2, 16);
                trunk = nn.Sequential(nn.ReLU(), nn.Linear(16, 1));
                register_module("trunk", trunk);
                RegisterComponents();
            }

            public override Tensor forward(Tensor state, Tensor {|MG0003:action|})
            {
                var a = action.relu();
                var unused = a * 2;
                var h = Encode(state);
                h = h + 1;
                return trunk.call(h);
            }

            private Tensor Encode(Tensor s) => StateHead.call(s).relu();
        }

        public sealed class Outer : nn.Module<Tensor, Tensor>
        {
            public Outer() : base(nameof(Outer)) => RegisterComponents();

            public override Tensor forward(Tensor {|MG0003:x|})
            {
                Tensor y = torch.zeros(3);
                return y;
            }

            private sealed class Inner : nn.Module<Tensor, Tensor>
            {
                private readonly Dropout {|MG0010:dropout|} = nn.Dropout(0.5);
                private readonly Linear fc = nn.Linear(3, 3);
                public Inner() : base(nameof(Inner)) => RegisterComponents();
                public override Tensor forward(Tensor x) => fc.call(x);
            }
        }
        """);

    [Fact]
    public Task Inputs_and_layers_that_reach_the_output_or_cannot_be_followed_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Attention : nn.Module<Tensor, Tensor, Tensor>
        {
            private readonly Linear q = nn.Linear(8, 8);
            private readonly Linear encoder = nn.Linear(8, 8);
            private readonly ModuleList<nn.Module<Tensor, Tensor>> layers = new ModuleList<nn.Module<Tensor, Tensor>>(nn.Linear(8, 8), nn.ReLU());
            private readonly Linear forTraining = nn.Linear(8, 1);
            private Tensor? cache;
            public Attention() : base(nameof(Attention)) => RegisterComponents();

            // The mask reaches the output through masked_fill; the loop reads every layer.
            public override Tensor forward(Tensor x, Tensor mask)
            {
                var scores = q.call(x).masked_fill(mask, -1e9);
                foreach (var layer in layers)
                {
                    scores = layer.call(scores);
                }
                return scores;
            }

            public Tensor encode(Tensor x) => encoder.call(x);
            public Tensor Loss(Tensor x) => forTraining.call(x).sum();

            private sealed class Selects : nn.Module<Tensor, Tensor, Tensor>
            {
                public Selects() : base(nameof(Selects)) { }
                // The flag tensor chooses the result: counted as reaching it.
                public override Tensor forward(Tensor x, Tensor flag) => flag.item<bool>() ? x : -x;
            }

            private sealed class Stores : nn.Module<Tensor, Tensor, Tensor>
            {
                private Tensor? last;
                public Stores() : base(nameof(Stores)) { }
                public override Tensor forward(Tensor x, Tensor y)
                {
                    last = y;
                    return x;
                }
            }

            private sealed class Unknown : nn.Module<Tensor, Tensor, Tensor>
            {
                public Unknown() : base(nameof(Unknown)) { }
                public override Tensor forward(Tensor x, Tensor y)
                {
                    Helpers.Remember(y);
                    Func<Tensor> f = () => y;
                    return x;
                }
            }

            private sealed class InPlace : nn.Module<Tensor, Tensor, Tensor>
            {
                public InPlace() : base(nameof(InPlace)) { }
                public override Tensor forward(Tensor x, Tensor y)
                {
                    var h = x.clone();
                    h.add_(y);
                    var list = new List<Tensor>();
                    list.Add(h);
                    return torch.cat(list, 1);
                }
            }

            private abstract class Base : nn.Module<Tensor, Tensor, Tensor>
            {
                protected Base() : base("b") { }
                public override Tensor forward(Tensor x, Tensor y) => x;
            }

            private class Throws : nn.Module<Tensor, Tensor>
            {
                public Throws() : base("t") { }
                public override Tensor forward(Tensor x) => throw new NotImplementedException();
            }

            // A default forward that subclasses replace may ignore a parameter.
            private class Default : nn.Module<Tensor, Tensor, Tensor>
            {
                public Default() : base("d") { }
                public override Tensor forward(Tensor x, Tensor y) => x;
            }

            private sealed class Derived : Default
            {
                public override Tensor forward(Tensor x, Tensor y) => x + y;
            }
        }

        public static class Helpers
        {
            public static void Remember(Tensor t) { }
        }

        public sealed class Enumerates : nn.Module<Tensor, Tensor>
        {
            private readonly Linear a = nn.Linear(2, 2);
            public Enumerates() : base(nameof(Enumerates)) => RegisterComponents();
            public override Tensor forward(Tensor x)
            {
                foreach (var (_, m) in named_children())
                {
                    x = ((nn.Module<Tensor, Tensor>)m).call(x);
                }
                return x;
            }
        }

        public sealed class Public : nn.Module<Tensor, Tensor>
        {
            public readonly Linear Head = nn.Linear(2, 2);
            private readonly Linear body;
            public Public() : base(nameof(Public))
            {
                body = nn.Linear(2, 2);
                var shared = nn.Sequential(body);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => x.relu();
        }
        """);
}
