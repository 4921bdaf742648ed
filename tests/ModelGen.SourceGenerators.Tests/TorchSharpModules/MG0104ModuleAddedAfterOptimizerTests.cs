using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>MG0104: modules added to a model after its optimizer was created (the seed's transfer learning, Q9/Q19/Q26: model.add after the model was built).</summary>
public class MG0104ModuleAddedAfterOptimizerTests
{
    [Fact]
    public async Task Appending_to_a_Sequential_after_the_optimizer_is_reported()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public static class Transfer
            {
                public static void Build(Tensor x)
                {
                    var model = nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU(), nn.Flatten());
                    var optimizer = optim.Adam(model.parameters());
                    {|MG0104:model.append(nn.Linear(64 * 222 * 222, 1000))|};
                    optimizer.step();
                }
            }
            """);
        Assert.Equal(
            "'model.append(nn.Linear(64 * 222 * 222, 1000))' adds a module to 'model' after 'optim.Adam(model.parameters())' was created over its parameters: the optimizer has no state for the new parameters, so they are never trained (step() fails on them)",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Register_module_a_field_assignment_and_a_registering_method_after_the_optimizer_are_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Backbone : nn.Module<Tensor, Tensor>
        {
            public Linear head = nn.Linear(16, 10);
            private readonly ModuleList<Linear> extra = new ModuleList<Linear>();
            public Backbone() : base(nameof(Backbone)) => RegisterComponents();
            public override Tensor forward(Tensor x) => head.call(x);
            public void AddHead(int classes) => register_module("classifier", nn.Linear(10, classes));
            public void AddLayer() => extra.Add(nn.Linear(16, 16));
            public int Count() => extra.Count;
        }

        public sealed class Trainer
        {
            private readonly Backbone model = new Backbone();

            public void Prepare()
            {
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                {|MG0104:model.register_module("extra", nn.Linear(10, 10))|};
                {|MG0104:model.head = nn.Linear(16, 5)|};
                {|MG0104:model.AddHead(5)|};
                {|MG0104:model.AddLayer()|};
                model.Count();
            }
        }
        """);

    [Fact]
    public Task Adding_to_a_submodule_of_the_optimized_model_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            public readonly Sequential features = nn.Sequential(nn.Linear(8, 8));
            public Net() : base(nameof(Net)) => RegisterComponents();
            public override Tensor forward(Tensor x) => features.call(x);
        }

        public static class Training
        {
            public static void Run(Net net)
            {
                var optimizer = optim.Adam(net.parameters(), 1e-3);
                {|MG0104:net.features.append(nn.ReLU())|};
            }
        }
        """);

    [Fact]
    public Task Modules_added_before_the_optimizer_or_to_a_model_it_does_not_cover_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public static class Transfer
        {
            public static void Build()
            {
                var backbone = nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU(), nn.Flatten());
                var model = nn.Sequential(nn.Linear(10, 10));
                model.append(nn.ReLU());
                model.register_module("head", nn.Linear(10, 2));
                var optimizer = optim.Adam(model.parameters());
                backbone.append(nn.Linear(10, 10));
                var again = optim.Adam(backbone.parameters());
            }
        }
        """);
}
