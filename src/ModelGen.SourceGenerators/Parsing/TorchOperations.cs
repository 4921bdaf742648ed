using System.Collections.Generic;
using System.Linq;

namespace ModelGen.SourceGenerators.Parsing;

/// <summary>The torch functions and tensor methods a <c>[Forward]</c> body may use, by canonical name.</summary>
internal static class TorchOperations
{
    /// <summary>Operations that keep their input's shape.</summary>
    public static readonly HashSet<string> ShapePreserving = new()
    {
        "relu", "relu6", "leaky_relu", "sigmoid", "tanh", "gelu", "silu", "elu", "selu", "softplus", "mish", "hardtanh",
        "dropout", "abs", "exp", "log", "neg", "sqrt", "rsqrt", "square", "reciprocal", "contiguous", "detach", "clone",
        "pow", "clamp", "zero_", "fill_", "normal_", "uniform_", "clamp_", "relu_", "sigmoid_",
    };

    /// <summary>In-place element-wise updates: the other operand must broadcast to the receiver's shape.</summary>
    public static readonly HashSet<string> InPlace = new() { "add_", "sub_", "mul_", "div_", "copy_" };

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["subtract"] = "sub",
        ["multiply"] = "mul",
        ["divide"] = "div",
        ["concat"] = "cat",
        ["concatenate"] = "cat",
        ["mm"] = "matmul",
        ["bmm"] = "matmul",
        ["swapaxes"] = "transpose",
        ["swapdims"] = "transpose",
    };

    private static readonly HashSet<string> Others = new()
    {
        "softmax", "log_softmax", "add", "sub", "mul", "div", "cat", "matmul", "view", "reshape", "flatten",
        "transpose", "permute", "squeeze", "unsqueeze", "mean", "sum", "var", "std", "select", "narrow", "stack",
    };

    /// <summary>Operations that only move, pick or copy elements, so integer ids stay ids.</summary>
    public static bool KeepsElements(string name) => name is "view" or "reshape" or "flatten" or "transpose" or "permute" or "squeeze"
        or "unsqueeze" or "select" or "narrow" or "cat" or "stack" or "contiguous" or "clone" or "detach";

    public static bool IsSupported(string name) => ShapePreserving.Contains(name) || InPlace.Contains(name) || Others.Contains(Canonical(name));

    public static string Canonical(string name) => Aliases.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>Whether the operation's <c>params long[]</c> argument is a target shape whose entries may be sizes read at run time.</summary>
    public static bool TakesShape(string name) => name is "view" or "reshape";

    public static string SupportedList { get; } = string.Join(", ", ShapePreserving.Concat(InPlace).Concat(Others).Concat(Aliases.Keys).OrderBy(n => n, System.StringComparer.Ordinal));
}
