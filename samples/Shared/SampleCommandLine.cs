using System;
using System.Globalization;

namespace ModelGen.Samples.Shared;

/// <summary>The start every sample shares: invariant number formatting, the epochs from the command line, the summary.</summary>
public static class SampleCommandLine
{
    /// <summary>
    /// Formats numbers culture-invariantly, prints <paramref name="summary"/>, and returns the number of epochs:
    /// the first argument if there is one, else <paramref name="defaultEpochs"/>.
    /// </summary>
    public static int Start(string[] args, int defaultEpochs, object summary)
    {
        ArgumentNullException.ThrowIfNull(args);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.WriteLine(summary);
        return args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : defaultEpochs;
    }
}
