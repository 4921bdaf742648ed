using System.Collections.Generic;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Emitting;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>Builds a readable TorchSharp constructor call, leaving out arguments that equal their defaults.</summary>
internal sealed class ConstructorCall
{
    private readonly string _function;
    private readonly List<string> _arguments = new();

    public ConstructorCall(string function) => _function = function;

    public ConstructorCall Positional(string value)
    {
        _arguments.Add(value);
        return this;
    }

    public ConstructorCall Positional(Dim value) => Positional(Code.Size(value));

    public ConstructorCall Named(string name, string value)
    {
        _arguments.Add(name + ": " + value);
        return this;
    }

    public ConstructorCall NamedIf(bool condition, string name, string value) => condition ? Named(name, value) : this;

    public ConstructorCall Named(string name, Dim value, long @default) =>
        value.ConstantValue == @default ? this : Named(name, Code.Size(value));

    public ConstructorCall Named(string name, double value, double @default) =>
        value.Equals(@default) ? this : Named(name, Code.Double(value));

    public ConstructorCall Named(string name, bool value, bool @default) =>
        value == @default ? this : Named(name, Code.Bool(value));

    public override string ToString() => _function + "(" + string.Join(", ", _arguments) + ")";

    public static string Pair(Dim first, Dim second) => "(" + Code.Size(first) + ", " + Code.Size(second) + ")";
}
