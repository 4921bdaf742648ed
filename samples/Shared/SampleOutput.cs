using System;
using System.IO;

namespace ModelGen.Samples.Shared;

/// <summary>Where a sample writes its plots, image grids and saved weights.</summary>
public static class SampleOutput
{
    /// <summary>
    /// The sample's <c>out</c> folder, created if needed: <c>samples/&lt;sample&gt;/out</c> in the checkout the app
    /// was built from (found by walking up from the app), else <c>out</c> beside the app.
    /// </summary>
    public static string Directory(string sample)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sample);
        string path = Path.Combine(AppContext.BaseDirectory, "out");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string project = Path.Combine(dir.FullName, "samples", sample);
            if (System.IO.Directory.Exists(project))
            {
                path = Path.Combine(project, "out");
                break;
            }
        }
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
