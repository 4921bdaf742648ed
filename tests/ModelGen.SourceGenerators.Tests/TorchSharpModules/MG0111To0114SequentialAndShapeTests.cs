using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// MG0111-MG0114: modules that cannot be chained (the seed's attention in a Sequential, Q17/Q24), stacked
/// recurrent layers fed the last step (the RNN questions), a flatten of a flat tensor and a reshape whose
/// count cannot match (the seed's GAN generator, Q3/Q10/Q18/Q25).
/// </summary>
public class MG0111To0114SequentialAndShapeTests
{
    [Fact]
    public async Task An_LSTM_in_a_Sequential_is_reported_alone_with_the_reason()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public static class Models
            {
                public static object Build() =>
                    nn.Sequential(nn.Embedding(1000, 64), {|MG0111:nn.LSTM(64, 64, batchFirst: true)|}, nn.Linear(64, 10));
            }
            """, "CS1503");
        Assert.Equal(
            "'nn.LSTM(64, 64, batchFirst: true)' cannot be chained in nn.Sequential: LSTM's forward takes (input, (h0, c0)?) and returns (output, h_n, c_n); nn.Sequential passes one tensor from each module to the next; call it from a hand-written forward instead",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Attention_in_a_named_tuple_a_GRU_appended_and_a_loss_are_reported() => TorchSharpVerifier.VerifyAsync("""
        public static class Models
        {
            public static void Build()
            {
                var attention = nn.MultiheadAttention(64, 4);
                var a = nn.Sequential(("embed", nn.Embedding(1000, 64)), ("attend", {|MG0111:attention|}));
                var b = nn.Sequential(nn.Linear(4, 4));
                b.append({|MG0111:nn.GRU(4, 4)|});
                var c = nn.Sequential(nn.Linear(4, 4), {|MG0111:nn.MSELoss()|});
            }
        }
        """, "CS1503");

    [Fact]
    public Task A_Sequential_of_one_tensor_modules_and_a_wrapper_around_an_LSTM_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class LastHidden : nn.Module<Tensor, Tensor>
        {
            private readonly LSTM lstm = nn.LSTM(64, 64, batchFirst: true);
            public LastHidden() : base(nameof(LastHidden)) => RegisterComponents();
            public override Tensor forward(Tensor x) => lstm.call(x).Item1;
        }

        public static class Models
        {
            public static Sequential Build() => nn.Sequential(nn.Embedding(1000, 64), new LastHidden(), nn.Linear(64, 10));
        }
        """);

    [Fact]
    public Task Stacked_LSTMs_fed_the_hidden_state_or_the_last_step_are_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Stacked : nn.Module<Tensor, Tensor>
        {
            private readonly LSTM lstm1 = nn.LSTM(16, 64, batchFirst: true);
            private readonly LSTM lstm2 = nn.LSTM(64, 64, batchFirst: true);
            private readonly GRU gru = nn.GRU(64, 64, batchFirst: true);
            private readonly Linear fc = nn.Linear(64, 10);
            public Stacked() : base(nameof(Stacked)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
                var (o, h, c) = lstm1.call(x);
                var (o2, _, _) = lstm2.call({|MG0112:h|});
                var o3 = lstm2.call({|MG0112:lstm1.call(x).Item2|}).Item1;
                var last = o.select(1, -1);
                var (o4, _) = gru.call({|MG0112:last|});
                var (o5, _) = gru.call({|MG0112:o2[.., -1]|});
                return fc.call(o4 + o5 + o3);
            }
        }
        """);

    [Fact]
    public Task The_whole_output_sequence_an_initial_state_and_a_last_step_fed_to_a_Linear_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Stacked : nn.Module<Tensor, Tensor>
        {
            private readonly LSTM lstm1 = nn.LSTM(16, 64, batchFirst: true);
            private readonly LSTM lstm2 = nn.LSTM(64, 64, batchFirst: true);
            private readonly Linear fc = nn.Linear(64, 10);
            public Stacked() : base(nameof(Stacked)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
                var (o, h, c) = lstm1.call(x);
                var (o2, _, _) = lstm2.call(o, (h, c));
                return fc.call(o2[.., -1]);
            }
        }
        """);

    [Fact]
    public Task A_second_Flatten_after_a_flat_tensor_is_reported_in_a_Sequential_and_in_forward() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(784, 256);
            private readonly Flatten flatten = nn.Flatten();
            private readonly Sequential {|MG0010:head|} = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), {|MG0113:nn.Flatten()|}, nn.Linear(256, 10));
            public Net() : base(nameof(Net)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
                var h = fc.call(x.flatten(1)).relu();
                var again = {|MG0113:h.flatten(1)|};
                return {|MG0113:flatten.call(again)|} + {|MG0113:torch.flatten(torch.randn(64, 256), 1)|};
            }
        }
        """);

    [Fact]
    public Task A_flatten_whose_input_rank_is_unknown_or_that_merges_the_batch_is_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential features = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 26 * 26, 10));
            private readonly Sequential {|MG0010:generator|} = nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Flatten());
            public Net() : base(nameof(Net)) => RegisterComponents();
            public override Tensor forward(Tensor x) => features.call(x.flatten(1)) + x.flatten(1).flatten().sum();
        }
        """);

    [Fact]
    public async Task A_dense_output_viewed_as_an_image_of_another_size_is_reported()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class Generator : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc = nn.Linear(100, 256);
                private readonly Sequential sequential = nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Flatten(), {|MG0114:nn.Unflatten(1, new long[] { 1, 28, 28 })|});
                public Generator() : base(nameof(Generator)) => RegisterComponents();

                public override Tensor forward(Tensor z)
                {
                    var h = fc.call(z).relu();
                    return {|MG0114:h.view(-1, 1, 28, 28)|} + {|MG0114:h.reshape(z.shape[0], 1, 28, 28)|} + sequential.call(z);
                }
            }
            """);
        Assert.Equal(
            "'h.view(-1, 1, 28, 28)' cannot work: view: 256 * N elements cannot be viewed as (-1, 1, 28, 28): 256 is not a multiple of 784; the -1 would take whatever count is left, mixing examples, and fail for most batch sizes",
            Assert.Single(diagnostics, d => d.GetMessage().StartsWith("'h.view", System.StringComparison.Ordinal)).GetMessage());
    }

    [Fact]
    public Task Views_that_fit_or_whose_sizes_are_unknown_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Generator : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(100, 784);
            private readonly Linear wide = nn.Linear(100, 1568);
            private readonly Sequential sequential = nn.Sequential(nn.Linear(100, 784), nn.ReLU(), nn.Unflatten(1, new long[] { 1, 28, 28 }));
            public Generator() : base(nameof(Generator)) => RegisterComponents();

            public override Tensor forward(Tensor z)
            {
                var h = fc.call(z).relu();
                var pairs = wide.call(z).view(-1, 1, 28, 28);
                var unknown = z.view(-1, 1, 28, 28);
                return h.view(-1, 1, 28, 28) + h.reshape(z.shape[0], 1, 28, 28) + sequential.call(z) + pairs + unknown + h.view(z.size(0), -1);
            }
        }
        """);
}
