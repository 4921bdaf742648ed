using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Generation;

/// <summary>
/// The parser reports user names that the generated part needs (MG0007) from the lists in GeneratedNames; these
/// tests keep the lists in step with what the emitter really writes, over every kind of model it generates.
/// </summary>
public class GeneratedNamesTests
{
    public static IEnumerable<object[]> Sources() => new[]
    {
        ModelSources.LinearRegression, ModelSources.MnistCnn, ModelSources.DropoutMlp, ModelSources.ResidualBlock, ModelSources.TwoInputs,
        ModelSources.ResNetAndCustomBatchNorm, ModelSources.GanAndFrozenBackbone, ModelSources.Sequences, ModelSources.MultiOutput,
    }.Select((source, i) => new object[] { i, source });

    private static IEnumerable<TypeDeclarationSyntax> GeneratedClasses(string source) =>
        TestCompilation.Generate(source).Run.GeneratedTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>());

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_member_the_generated_part_declares_is_listed_or_a_backing_field(int index, string source)
    {
        foreach (var type in GeneratedClasses(source))
        {
            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                Assert.True(GeneratedNames.Members.Contains(method.Identifier.Text), $"source {index}: {type.Identifier}.{method.Identifier} is not in GeneratedNames.Members");
            }
            // Other properties are the user's partial declarations, implemented; the summary is the one the generator adds.
            foreach (var property in type.Members.OfType<PropertyDeclarationSyntax>().Where(p => !p.Modifiers.Any(m => m.Text == "partial")))
            {
                Assert.True(GeneratedNames.Members.Contains(property.Identifier.Text), $"source {index}: {type.Identifier}.{property.Identifier} is not in GeneratedNames.Members");
            }
            foreach (var field in type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables))
            {
                Assert.StartsWith("_", field.Identifier.Text);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_parameter_and_local_beside_the_inputs_is_listed(int index, string source)
    {
        foreach (var type in GeneratedClasses(source))
        {
            var inputs = type.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text == "forward")
                .SelectMany(m => m.ParameterList.Parameters).Select(p => p.Identifier.Text).ToHashSet();
            // The methods that take the inputs; CheckInputs names its locals after the shape's symbols, made unique against the inputs.
            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>()
                .Where(m => m.Identifier.Text != "CheckInputs" && m.ParameterList.Parameters.Any(p => inputs.Contains(p.Identifier.Text))))
            {
                var names = method.ParameterList.Parameters.Select(p => p.Identifier.Text)
                    .Concat(method.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.Text))
                    .Concat(method.DescendantNodes().OfType<ForEachStatementSyntax>().Select(f => f.Identifier.Text))
                    .Concat(method.DescendantNodes().OfType<SimpleLambdaExpressionSyntax>().Select(l => l.Parameter.Identifier.Text));
                foreach (var name in names.Where(n => !inputs.Contains(n)))
                {
                    Assert.True(GeneratedNames.InputScope.Contains(name), $"source {index}: {type.Identifier}.{method.Identifier} declares '{name}', which is not in GeneratedNames.InputScope");
                }
            }
        }
    }
}
