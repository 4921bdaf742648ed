using System;
using System.IO;
using System.Linq;
using ModelGen.Samples.Shared;
using SkiaSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Samples.Tests;

/// <summary>The helpers the samples share: class subsets of the digits, loss plots and image grids.</summary>
public sealed class SharedHelpersTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Of_classes_keeps_only_those_digits_and_numbers_them_from_zero()
    {
        using var digits = MnistDigits.Load();
        using var high = digits.OfClasses(5, 5);

        long[] original = digits.Labels.data<long>().ToArray();
        Assert.Equal(original.Count(l => l >= 5), high.Count);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, high.Labels.unique().Item1.data<long>().ToArray());
        // The first digit 5-9 of the original order is the first of the subset, relabelled.
        int first = Array.FindIndex(original, l => l >= 5);
        Assert.True(digits.Images[first].allclose(high.Images[0], rtol: 0, atol: 0));
        Assert.Equal(original[first] - 5, high.Labels[0].item<long>());
    }

    [Fact]
    public void Take_per_class_draws_the_same_number_of_every_class_and_depends_only_on_the_seed()
    {
        using var digits = MnistDigits.Load();
        using var few = digits.TakePerClass(7, seed: 3);
        using var again = digits.TakePerClass(7, seed: 3);
        using var other = digits.TakePerClass(7, seed: 4);

        Assert.Equal(70, few.Count);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(7, few.Labels.eq(c).sum().item<long>()));
        Assert.True(few.Images.allclose(again.Images, rtol: 0, atol: 0));
        Assert.False(few.Images.allclose(other.Images, rtol: 0, atol: 0));
    }

    [Fact]
    public void Image_grid_lays_out_rows_of_scaled_images_with_gaps()
    {
        string path = _folder.File("grid.png");
        var images = zeros(5, 1, 4, 4);
        images[3].fill_(1.0);

        ImageGrid.Save(path, images, columns: 2, scale: 3);

        using var bitmap = SKBitmap.Decode(path);
        // 2 columns and 3 rows of 12x12 cells, with a 2-pixel gap around each.
        Assert.Equal((2 * 14 + 2, 3 * 14 + 2), (bitmap.Width, bitmap.Height));
        Assert.Equal(0, bitmap.GetPixel(2, 2).Red);          // image 0, top-left: black
        Assert.Equal(255, bitmap.GetPixel(16 + 11, 16).Red);   // image 3 (row 1, column 1): white to its last pixel
        Assert.Equal(128, bitmap.GetPixel(0, 0).Red);          // the gap: grey
    }

    [Fact]
    public void Training_plot_writes_a_png_of_the_requested_size()
    {
        string path = _folder.File("loss.png");
        TrainingPlot.Save(path, "test", "loss", ("a", new[] { 1.0, 0.5, 0.25 }), ("b", new[] { 0.9, 0.8 }));

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((800, 500), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Training_plot_refuses_an_empty_series()
    {
        Assert.Throws<ArgumentException>(() => TrainingPlot.Save(_folder.File("x.png"), "t", "y", ("empty", Array.Empty<double>())));
    }
}
