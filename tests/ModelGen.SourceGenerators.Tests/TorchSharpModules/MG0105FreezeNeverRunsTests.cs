using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>MG0105: a "frozen" backbone whose freezing query never runs (the seed's transfer learning, Q9/Q19/Q26: the pretrained base is never frozen).</summary>
public class MG0105FreezeNeverRunsTests
{
    [Fact]
    public Task A_discarded_Select_or_Where_that_sets_requires_grad_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public static class Transfer
        {
            public static void Freeze(nn.Module backbone)
            {
                {|MG0105:backbone.parameters().Select(p => p.requires_grad = false)|};
                {|MG0105:backbone.parameters().Where(p => { p.requires_grad_(false); return true; })|};
            }
        }
        """);

    [Fact]
    public Task A_foreach_loop_ForEach_or_an_enumerated_query_is_silent() => TorchSharpVerifier.VerifyAsync("""
        public static class Transfer
        {
            public static void Freeze(nn.Module backbone, nn.Module head)
            {
                foreach (var p in backbone.parameters())
                {
                    p.requires_grad = false;
                }
                backbone.parameters().ToList().ForEach(p => p.requires_grad = false);
                var trainable = head.parameters().Select(p => { p.requires_grad = true; return p; }).ToList();
                var names = backbone.parameters().Select(p => p.shape.Length);
            }
        }
        """);
}
