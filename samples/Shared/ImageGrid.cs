using System;
using System.IO;
using SkiaSharp;
using static TorchSharp.torch;

namespace ModelGen.Samples.Shared;

/// <summary>Grayscale images saved side by side as one PNG, for a person to look at.</summary>
public static class ImageGrid
{
    private const int Gap = 2;

    /// <summary>
    /// Saves <paramref name="images"/> ([N, 1, H, W], values 0 to 1: white ink on black, as MNIST) in rows of
    /// <paramref name="columns"/>, each pixel drawn as a <paramref name="scale"/> x <paramref name="scale"/> square,
    /// with a grey gap between images.
    /// </summary>
    public static void Save(string path, Tensor images, int columns, int scale = 3)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[1] != 1)
            throw new ArgumentException($"expected [N, 1, H, W], got [{string.Join(", ", images.shape)}]", nameof(images));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);

        int count = (int)images.shape[0], height = (int)images.shape[2], width = (int)images.shape[3];
        int rows = (count + columns - 1) / columns;
        int cellWidth = width * scale + Gap, cellHeight = height * scale + Gap;
        int gridWidth = columns * cellWidth + Gap, gridHeight = rows * cellHeight + Gap;

        byte[] source;
        using (NewDisposeScope())
            source = images.detach().cpu().clamp(0, 1).mul(255).round().to(ScalarType.Byte).data<byte>().ToArray();
        var grid = new byte[gridWidth * gridHeight];
        Array.Fill(grid, (byte)128);
        for (int n = 0; n < count; n++)
        {
            int left = Gap + n % columns * cellWidth, top = Gap + n / columns * cellHeight;
            for (int y = 0; y < height * scale; y++)
            {
                for (int x = 0; x < width * scale; x++)
                    grid[(top + y) * gridWidth + left + x] = source[(n * height + y / scale) * width + x / scale];
            }
        }

        var info = new SKImageInfo(gridWidth, gridHeight, SKColorType.Gray8, SKAlphaType.Opaque);
        using var image = SKImage.FromPixelCopy(info, grid, gridWidth);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
