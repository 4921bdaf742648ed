using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ModelGen.Samples.Shared.Tests;

public class ProgressBarTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class FakeClock
    {
        public TimeSpan Now { get; set; }
    }

    [Fact]
    public void RedirectedOutputPrintsOccasionalLinesAndEveryEpochEnd()
    {
        var clock = new FakeClock();
        var output = new StringWriter();
        var bar = new ProgressBar(output, interactive: false, () => clock.Now);

        // 3 epochs of 100 batches, one second per batch: 300 reports.
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            for (int batch = 1; batch <= 100; batch++)
            {
                clock.Now += TimeSpan.FromSeconds(1);
                bar.Report(epoch, 3, batch, 100, loss: 1.0 / (epoch * batch));
            }
        }
        bar.Complete("done");

        string text = output.ToString();
        Assert.DoesNotContain('\r', text);
        string[] lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // One line per 10 s (the default interval), the epoch end included: 10 per epoch, then "done".
        Assert.Equal(31, lines.Length);
        Assert.Equal("epoch 1/3 [##------------------] batch 10/100 loss 0.1000 elapsed 00:10", lines[0]);
        Assert.Equal("epoch 1/3 [####################] batch 100/100 loss 0.0100 elapsed 01:40", lines[9]);
        Assert.Equal("epoch 3/3 [####################] batch 100/100 loss 0.0033 elapsed 05:00", lines[29]);
        Assert.Equal("done", lines[30]);
    }

    [Fact]
    public void RedirectedOutputOfAShortEpochIsOneLine()
    {
        var clock = new FakeClock();
        var output = new StringWriter();
        var bar = new ProgressBar(output, interactive: false, () => clock.Now);

        for (int batch = 1; batch <= 50; batch++)
        {
            clock.Now += TimeSpan.FromMilliseconds(20);
            bar.Report(1, 1, batch, 50, 0.5);
        }

        Assert.Equal("epoch 1/1 [####################] batch 50/50 loss 0.5000 elapsed 00:01" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void TerminalOutputRedrawsOneLineAndEndsEachEpochWithANewline()
    {
        var clock = new FakeClock();
        var output = new StringWriter();
        var bar = new ProgressBar(output, interactive: true, () => clock.Now);

        for (int epoch = 1; epoch <= 2; epoch++)
        {
            for (int batch = 1; batch <= 4; batch++)
            {
                clock.Now += TimeSpan.FromSeconds(1);
                bar.Report(epoch, 2, batch, 4, 0.25, note: batch == 4 ? "acc 97.5%" : null);
            }
        }

        string text = output.ToString();
        Assert.Equal(8, text.Count(c => c == '\r'));
        string[] epochs = text.Split(Environment.NewLine);
        Assert.Equal(3, epochs.Length); // two finished epochs and nothing after
        Assert.Equal("", epochs[2]);
        Assert.EndsWith("\repoch 1/2 [####################] batch 4/4 loss 0.2500 elapsed 00:04 acc 97.5%", epochs[0]);
        Assert.StartsWith("\repoch 2/2 [#####---------------] batch 1/4", epochs[1]);
    }

    [Fact]
    public void TerminalRedrawsAreThrottledAndPaddedOverLongerLines()
    {
        var clock = new FakeClock();
        var output = new StringWriter();
        var bar = new ProgressBar(output, interactive: true, () => clock.Now) { RedrawInterval = TimeSpan.FromSeconds(1) };

        bar.Report(1, 1, 1, 1000, 123.456789, note: "a long note");   // drawn: first report
        clock.Now += TimeSpan.FromMilliseconds(500);
        bar.Report(1, 1, 2, 1000, 1.0);                              // throttled
        clock.Now += TimeSpan.FromMilliseconds(600);
        bar.Report(1, 1, 3, 1000, 1.0);                              // drawn, shorter: padded
        bar.Complete();

        string[] draws = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, draws.Length);
        Assert.Equal("epoch 1/1 [--------------------] batch 1/1000 loss 123.4568 elapsed 00:00 a long note", draws[0]);
        Assert.Equal(draws[0].Length + Environment.NewLine.Length, draws[1].Length);
        Assert.StartsWith("epoch 1/1 [--------------------] batch 3/1000 loss 1.0000 elapsed 00:01   ", draws[1]);
        Assert.EndsWith(Environment.NewLine, draws[1]); // Complete() closed the open line
    }

    [Fact]
    public void DefaultConstructorFollowsWhetherStdoutIsRedirected()
    {
        Assert.Equal(!Console.IsOutputRedirected, new ProgressBar().IsInteractive);
    }

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(59.9, "00:59")]
    [InlineData(61, "01:01")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(90061, "25:01:01")]
    public void ElapsedTimeIsMinutesAndSecondsThenHours(double seconds, string expected)
    {
        Assert.Equal(expected, ProgressBar.FormatElapsed(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void OutOfRangeReportsAreRejected()
    {
        var bar = new ProgressBar(new StringWriter(), interactive: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Report(0, 3, 1, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Report(4, 3, 1, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Report(1, 3, 11, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Report(1, 3, 0, 10, 0));
    }
}
