using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>MG0118: ReLU applied before the residual add (the seed's ResidualBlock, Q15 line 661, Q22, Q29).</summary>
public class MG0118ActivationBeforeResidualAddTests
{
    [Fact]
    public async Task Relu_before_the_add_is_reported_in_every_form()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class Functional : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1 = nn.Conv2d(64, 64, 3, padding: 1);
                private readonly BatchNorm2d bn1 = nn.BatchNorm2d(64);
                private readonly Conv2d conv2 = nn.Conv2d(64, 64, 3, padding: 1);
                private readonly BatchNorm2d bn2 = nn.BatchNorm2d(64);
                public Functional() : base(nameof(Functional)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    var h = nn.functional.relu(bn1.call(conv1.call(x)));
                    h = bn2.call(conv2.call(h));
                    return {|MG0118:nn.functional.relu(h) + x|};
                }
            }

            public sealed class Method : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
                private readonly BatchNorm2d bn = nn.BatchNorm2d(64);
                public Method() : base(nameof(Method)) => RegisterComponents();

                public override Tensor forward(Tensor x) => {|MG0118:x + bn.call(conv.call(x)).relu()|};
            }

            public sealed class ModuleField : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv = nn.Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
                private readonly BatchNorm2d bn = nn.BatchNorm2d(128);
                private readonly ReLU relu = nn.ReLU();
                private readonly Sequential shortcut = nn.Sequential(nn.Conv2d(64, 128, 1, stride: 2, bias: false), nn.BatchNorm2d(128));
                public ModuleField() : base(nameof(ModuleField)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    var h = relu.call(bn.call(conv.call(x)));
                    var sum = {|MG0118:h.add(shortcut.call(x))|};
                    return sum;
                }
            }
            """);
        Assert.Contains("'nn.functional.relu(h) + x': ReLU applied before the residual add; ResNet v1 applies it after the add ('relu(h + x)')",
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public Task Relu_after_the_add_pre_activation_linear_bottlenecks_and_unreturned_adds_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class V1 : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
            private readonly BatchNorm2d bn = nn.BatchNorm2d(64);
            public V1() : base(nameof(V1)) => RegisterComponents();
            public override Tensor forward(Tensor x) => nn.functional.relu(bn.call(conv.call(x)) + x);
        }

        public sealed class PreActivation : nn.Module<Tensor, Tensor>
        {
            private readonly BatchNorm2d bn = nn.BatchNorm2d(64);
            private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
            public PreActivation() : base(nameof(PreActivation)) => RegisterComponents();
            public override Tensor forward(Tensor x) => conv.call(bn.call(x).relu()) + x;
        }

        public sealed class LinearBottleneck : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential expand = nn.Sequential(nn.Conv2d(16, 96, 1), nn.BatchNorm2d(96), nn.ReLU6());
            private readonly Conv2d project = nn.Conv2d(96, 16, 1);
            private readonly BatchNorm2d bn = nn.BatchNorm2d(16);
            public LinearBottleneck() : base(nameof(LinearBottleneck)) => RegisterComponents();
            public override Tensor forward(Tensor x) => x + bn.call(project.call(expand.call(x)));
        }

        public sealed class NotReturned : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
            public NotReturned() : base(nameof(NotReturned)) => RegisterComponents();
            public override Tensor forward(Tensor x)
            {
                var y = conv.call(x).relu() + x;
                return y.relu();
            }
        }

        public sealed class NotTheInput : nn.Module<Tensor, Tensor, Tensor>
        {
            private readonly Conv2d conv = nn.Conv2d(64, 64, 3, padding: 1);
            public NotTheInput() : base(nameof(NotTheInput)) => RegisterComponents();
            public override Tensor forward(Tensor x, Tensor other) => conv.call(x).relu() + other;
        }
        """);
}
