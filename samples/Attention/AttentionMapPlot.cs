using System;
using System.IO;
using System.Linq;

namespace ModelGen.Samples.Attention;

/// <summary>An attention map as a heatmap PNG: one row per query position, one column per key position.</summary>
public static class AttentionMapPlot
{
    /// <param name="path">The PNG to write; its folder must exist.</param>
    /// <param name="map">Weights [query, key]; each row sums to 1.</param>
    /// <param name="tokens">The sequence's tokens, shown as tick labels on both axes.</param>
    /// <param name="title">The plot's title.</param>
    public static void Save(string path, double[,] map, string[] tokens, string title)
    {
        ArgumentNullException.ThrowIfNull(map);
        int length = map.GetLength(0);
        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(map);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = "attention weight";
        // ScottPlot draws row 0 at the top (y = length - 1), as the matrix reads, so the left ticks count down.
        double[] positions = Enumerable.Range(0, length).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, tokens.Select((t, i) => $"{i}:{t}").ToArray());
        plot.Axes.Left.SetTicks(positions, tokens.Select((t, i) => $"{i}:{t}").Reverse().ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
        plot.XLabel("key position: token");
        plot.YLabel("query position: token");
        plot.Title(title);
        plot.SavePng(path, 800, 720);
        if (!File.Exists(path))
            throw new IOException($"ScottPlot did not write {path}");
    }
}
