using System.Linq;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Generation;

/// <summary>The generated code for each sample model, as reviewed text; each also compiles without errors.</summary>
public class GeneratorSnapshotTests
{
    private static string Generate(string source)
    {
        var (run, output) = TestCompilation.Generate(source);
        Assert.Empty(TestCompilation.Errors(output));
        return string.Join("\n", run.GeneratedTrees.OrderBy(t => t.FilePath, System.StringComparer.Ordinal).Select(t => t.GetText().ToString()));
    }

    [Fact]
    public void Dense_regression() => Snapshot.Verify(Generate(ModelSources.LinearRegression));

    [Fact]
    public void Mnist_cnn() => Snapshot.Verify(Generate(ModelSources.MnistCnn));

    [Fact]
    public void Dropout_mlp() => Snapshot.Verify(Generate(ModelSources.DropoutMlp));

    [Fact]
    public void Residual_block_with_forward_method() => Snapshot.Verify(Generate(ModelSources.ResidualBlock));

    [Fact]
    public void Two_inputs_share_the_batch_dimension() => Snapshot.Verify(Generate(ModelSources.TwoInputs));

    [Fact]
    public void Blocks_with_hyperparameters_composed_as_submodels_and_a_custom_layer() => Snapshot.Verify(Generate(ModelSources.ResNetAndCustomBatchNorm));

    [Fact]
    public void Gan_with_an_adversarial_step_and_a_frozen_backbone() => Snapshot.Verify(Generate(ModelSources.GanAndFrozenBackbone));

    [Fact]
    public void Recurrent_attention_embedding_and_transposed_convolution_layers() => Snapshot.Verify(Generate(ModelSources.Sequences));

    [Fact]
    public void Models_returning_tuples_and_a_model_calling_one_as_a_submodel() => Snapshot.Verify(Generate(ModelSources.MultiOutput));

    [Fact]
    public void A_model_with_errors_gets_a_minimal_part_that_compiles()
    {
        var source = ModelSources.MnistCnn.Replace("[MaxPool2d(2)]", "[MaxPool2d(50)]");
        Snapshot.Verify(Generate(source));
    }
}
