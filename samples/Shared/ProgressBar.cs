using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace ModelGen.Samples.Shared;

/// <summary>
/// Training progress on the console: epoch, batch i/n, loss and elapsed time.
/// </summary>
/// <remarks>
/// On a terminal the line is redrawn in place with '\r' (at most every
/// <see cref="RedrawInterval"/>) and each epoch ends on a line of its own.
/// When output is redirected (CI logs, files) nothing is redrawn: a line is printed at
/// most once per <see cref="RedirectedInterval"/> and at the end of every epoch, so logs
/// stay short.
/// </remarks>
public sealed class ProgressBar
{
    private const int BarWidth = 20;

    private readonly TextWriter _output;
    private readonly Func<TimeSpan> _elapsed;
    // Null until the first redraw on a terminal; a redirected log counts from the clock's start.
    private TimeSpan? _lastWrite;
    private int _lastLength;
    private bool _lineOpen;

    /// <summary>Progress on <see cref="Console.Out"/>, redrawn only if stdout is a terminal.</summary>
    public ProgressBar()
        : this(Console.Out, interactive: !Console.IsOutputRedirected)
    {
    }

    /// <summary>Progress on <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="interactive">True to redraw one line with '\r' (a terminal); false to print occasional lines.</param>
    /// <param name="elapsed">Clock for the elapsed time and the intervals; defaults to a stopwatch started now.</param>
    public ProgressBar(TextWriter output, bool interactive, Func<TimeSpan>? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        IsInteractive = interactive;
        if (elapsed is null)
        {
            var stopwatch = Stopwatch.StartNew();
            elapsed = () => stopwatch.Elapsed;
        }
        _elapsed = elapsed;
        _lastWrite = interactive ? null : TimeSpan.Zero;
    }

    /// <summary>True when the line is redrawn in place.</summary>
    public bool IsInteractive { get; }

    /// <summary>Least time between redraws on a terminal, so fast loops do not spend their time printing.</summary>
    public TimeSpan RedrawInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Least time between lines within an epoch when output is redirected.</summary>
    public TimeSpan RedirectedInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reports that batch <paramref name="batch"/> of <paramref name="batches"/> in an epoch is done.</summary>
    /// <param name="epoch">Epoch, counting from 1.</param>
    /// <param name="epochs">Number of epochs.</param>
    /// <param name="batch">Batch just finished, counting from 1.</param>
    /// <param name="batches">Batches per epoch.</param>
    /// <param name="loss">Loss to show (e.g. the running mean of the epoch).</param>
    /// <param name="note">Optional text appended to the line, e.g. an accuracy.</param>
    public void Report(int epoch, int epochs, int batch, int batches, double loss, string? note = null)
    {
        if (epochs < 1 || epoch < 1 || epoch > epochs)
            throw new ArgumentOutOfRangeException(nameof(epoch), $"epoch {epoch} of {epochs}");
        if (batches < 1 || batch < 1 || batch > batches)
            throw new ArgumentOutOfRangeException(nameof(batch), $"batch {batch} of {batches}");

        TimeSpan now = _elapsed();
        bool epochDone = batch == batches;
        TimeSpan interval = IsInteractive ? RedrawInterval : RedirectedInterval;
        if (!epochDone && _lastWrite is TimeSpan last && now - last < interval)
            return;
        _lastWrite = now;

        string line = Format(epoch, epochs, batch, batches, loss, now, note);
        if (IsInteractive)
        {
            // Pad over the tail of a longer previous line.
            _output.Write('\r' + line.PadRight(_lastLength));
            _lastLength = line.Length;
            _lineOpen = !epochDone;
            if (epochDone)
            {
                _output.WriteLine();
                _lastLength = 0;
            }
        }
        else
        {
            _output.WriteLine(line);
        }
        _output.Flush();
    }

    /// <summary>Ends a half-drawn line (training stopped early) and prints <paramref name="message"/>, if any.</summary>
    public void Complete(string? message = null)
    {
        if (_lineOpen)
        {
            _output.WriteLine();
            _lineOpen = false;
            _lastLength = 0;
        }
        if (message is not null)
            _output.WriteLine(message);
        _output.Flush();
    }

    /// <summary>The progress line, e.g. <c>epoch 2/5 [########------------] batch 50/125 loss 0.4213 elapsed 01:07</c>.</summary>
    public static string Format(int epoch, int epochs, int batch, int batches, double loss, TimeSpan elapsed, string? note = null)
    {
        int filled = (int)((long)batch * BarWidth / batches);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"epoch {epoch}/{epochs} [");
        line.Append('#', filled).Append('-', BarWidth - filled);
        line.Append(CultureInfo.InvariantCulture, $"] batch {batch}/{batches} loss {loss:F4} elapsed {FormatElapsed(elapsed)}");
        if (!string.IsNullOrEmpty(note))
            line.Append(' ').Append(note);
        return line.ToString();
    }

    /// <summary>Elapsed time as mm:ss, or h:mm:ss from an hour on.</summary>
    public static string FormatElapsed(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
            elapsed = TimeSpan.Zero;
        return elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:D2}:{elapsed.Seconds:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes:D2}:{elapsed.Seconds:D2}");
    }
}
