using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelGen.Samples.Shared;

/// <summary>Curves per epoch (losses, accuracies) saved as a PNG with ScottPlot.</summary>
public static class TrainingPlot
{
    /// <summary>
    /// Saves one line per series, epoch 1, 2, ... on the x axis, to <paramref name="path"/> (a PNG).
    /// </summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="yLabel">What the values are, e.g. "loss".</param>
    /// <param name="series">Each line's legend text and its value after each epoch.</param>
    public static void Save(string path, string title, string yLabel, params (string Label, IReadOnlyList<double> Values)[] series) =>
        Save(path, title, "epoch", yLabel, series);

    /// <summary>
    /// Saves one line per series, 1, 2, ... on the x axis (named <paramref name="xLabel"/>: episodes, steps), to
    /// <paramref name="path"/> (a PNG).
    /// </summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="xLabel">What is counted along the x axis, e.g. "episode".</param>
    /// <param name="yLabel">What the values are, e.g. "return".</param>
    /// <param name="series">Each line's legend text and its value at each x.</param>
    public static void Save(string path, string title, string xLabel, string yLabel, params (string Label, IReadOnlyList<double> Values)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0 || series.Any(s => s.Values.Count == 0))
            throw new ArgumentException("every series needs at least one value", nameof(series));

        var plot = new ScottPlot.Plot();
        foreach (var (label, values) in series)
        {
            double[] xs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
            var line = plot.Add.Scatter(xs, values.ToArray());
            line.LegendText = label;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        // Curves fall toward the lower right; the legend goes where they start high but soon leave room.
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, 800, 500);
        if (!File.Exists(path))
            throw new IOException($"ScottPlot did not write {path}");
    }
}
