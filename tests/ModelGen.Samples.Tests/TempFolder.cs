using System;
using System.IO;

namespace ModelGen.Samples.Tests;

/// <summary>A fresh folder for files a test writes, deleted with everything in it when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>The folder's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("modelgen-samples-").FullName;

    /// <summary>A path for <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
