using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0003: a declared input that does not reach the returned tensor (the seed's Q4/Q8 value network).</summary>
public class MG0003InputNeverUsedTests
{
    [Fact]
    public Task An_action_input_that_never_reaches_the_value_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("state", "N, 4")]
        [{|MG0003:Input("action", "N, 2")|}]
        public partial class ValueNetwork
        {
            [Linear(1)] public partial Linear Value { get; }

            [Forward]
            private Tensor Forward(Tensor state, Tensor action) => Value.call(state);
        }
        """);

    [Fact]
    public Task An_input_used_only_for_its_size_still_counts_as_unused() => Markup.VerifyAsync("""
        [Model]
        [Input("state", "N, 4")]
        [{|MG0003:Input("action", "N, 2")|}]
        public partial class ValueNetwork
        {
            [Linear(1)] public partial Linear Value { get; }

            [Forward]
            private Tensor Forward(Tensor state, Tensor action)
            {
                var h = state.view(action.shape[0], 4);
                return Value.call(h);
            }
        }
        """);

    [Fact]
    public Task Both_inputs_concatenated_into_the_value_are_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("state", "N, 4")]
        [Input("action", "N, 2")]
        public partial class ValueNetwork
        {
            [Linear(1)] public partial Linear Value { get; }

            [Forward]
            private Tensor Forward(Tensor state, Tensor action) => Value.call(torch.cat(new[] { state, action }, 1));
        }
        """);
}
