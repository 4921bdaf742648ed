using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelGen;

/// <summary>One row of a <see cref="ModelSummary"/>: a layer, its symbolic output shape and its parameter count.</summary>
/// <param name="Name">The layer's state-dict name, such as <c>conv1</c>.</param>
/// <param name="Kind">The TorchSharp module type, such as <c>Conv2d</c>.</param>
/// <param name="OutputShape">The symbolic output shape, such as <c>[N, 32, 26, 26]</c>.</param>
/// <param name="Parameters">Number of parameters (trainable or not) the layer owns.</param>
/// <param name="Trainable">Number of those that are trained.</param>
public sealed record ModelSummaryRow(string Name, string Kind, string OutputShape, long Parameters, long Trainable);

/// <summary>
/// A model's layers, output shapes and parameter counts, computed at compile time by the generator
/// (no forward pass is run).
/// </summary>
public sealed class ModelSummary
{
    /// <summary>Creates a summary.</summary>
    public ModelSummary(string model, IReadOnlyList<string> inputs, IReadOnlyList<ModelSummaryRow> rows)
    {
        Model = model;
        Inputs = inputs;
        Rows = rows;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The declared inputs, as <c>name: [shape]</c>.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>One row per layer, in execution order.</summary>
    public IReadOnlyList<ModelSummaryRow> Rows { get; }

    /// <summary>Total parameter count.</summary>
    public long TotalParameters => Rows.Sum(r => r.Parameters);

    /// <summary>Trainable parameter count.</summary>
    public long TrainableParameters => Rows.Sum(r => r.Trainable);

    /// <summary>The summary as a fixed-width table, like Keras' <c>model.summary()</c>.</summary>
    public override string ToString()
    {
        var headers = new[] { "Layer (type)", "Output shape", "Param #" };
        var cells = Rows.Select(r => new[] { $"{r.Name} ({r.Kind})", r.OutputShape, Format(r.Parameters) }).ToList();
        var widths = Enumerable.Range(0, 3).Select(c => Math.Max(headers[c].Length, cells.Select(row => row[c].Length).DefaultIfEmpty(0).Max())).ToArray();
        int total = widths.Sum() + 4;
        var sb = new StringBuilder();
        sb.Append("Model: ").Append(Model).Append('\n');
        foreach (var input in Inputs)
        {
            sb.Append("Input: ").Append(input).Append('\n');
        }
        sb.Append(new string('=', total)).Append('\n');
        AppendRow(sb, headers, widths);
        sb.Append(new string('=', total)).Append('\n');
        foreach (var row in cells)
        {
            AppendRow(sb, row, widths);
        }
        sb.Append(new string('=', total)).Append('\n');
        sb.Append("Total params: ").Append(Format(TotalParameters)).Append('\n');
        sb.Append("Trainable params: ").Append(Format(TrainableParameters)).Append('\n');
        sb.Append("Non-trainable params: ").Append(Format(TotalParameters - TrainableParameters)).Append('\n');
        return sb.ToString();
    }

    private static string Format(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder sb, string[] cells, int[] widths)
    {
        sb.Append(cells[0].PadRight(widths[0])).Append("  ")
          .Append(cells[1].PadRight(widths[1])).Append("  ")
          .Append(cells[2].PadLeft(widths[2])).Append('\n');
    }
}
