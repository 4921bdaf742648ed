using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;
using Xunit;

namespace ModelGen.Native.Tests;

/// <summary>
/// Checks that the build's patch (src/TorchSharpNative) is what makes TorchSharp load:
/// the library the process mapped is the patched copy in the output folder, not the
/// unpatched copy TorchSharp's fallback puts in cpu/, and the NuGet cache is untouched.
/// </summary>
public class NativeLoadTests
{
    private const string LibName = "libLibTorchSharp.so";
    private const string ShimName = "libTorchSharpGlibcxxShim.so";
    private const string Version = "GLIBCXX_3.4.32";
    private const string Symbol = "_ZSt21ios_base_library_initv";

    private static readonly string OutputDir = Path.GetFullPath(AppContext.BaseDirectory);

    [Fact]
    public void TheLoadedLibraryIsThePatchedCopyInTheOutputFolder()
    {
        EnsureTorchLoaded();

        string loaded = Assert.Single(MappedFiles(LibName));
        Assert.StartsWith(OutputDir, loaded, StringComparison.Ordinal);
        string relative = Path.GetRelativePath(OutputDir, loaded);
        Assert.False(relative.StartsWith("cpu" + Path.DirectorySeparatorChar, StringComparison.Ordinal),
            $"TorchSharp fell back to its unpatched cpu/ copy: {loaded}");

        var elf = new ElfFile(loaded);
        if (HostProvidesVersion())
        {
            // The host libstdc++ is new enough: the build must leave the library as shipped.
            Assert.DoesNotContain(ShimName, elf.Needed());
            Assert.Empty(MappedFiles(ShimName));
        }
        else
        {
            Assert.True(IsPatched(elf), $"{loaded} is not patched");
            // The shim came in as the patched library's dependency, from the same folder.
            string shim = Assert.Single(MappedFiles(ShimName));
            Assert.Equal(Path.Combine(Path.GetDirectoryName(loaded)!, ShimName), shim);
        }
    }

    [Fact]
    public void EveryCopyInTheOutputFolderIsPatchedAndHasTheShimBesideIt()
    {
        if (HostProvidesVersion())
            return; // nothing to patch on this host; the loaded-copy test checks it stayed as shipped

        var copies = Directory.EnumerateFiles(OutputDir, LibName, SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(OutputDir, p).StartsWith("cpu" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(copies);
        foreach (string copy in copies)
        {
            Assert.True(IsPatched(new ElfFile(copy)), $"{copy} is not patched");
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(copy)!, ShimName)), $"no shim beside {copy}");
        }
    }

    [Fact]
    public void TheNuGetCacheCopyIsLeftAsShipped()
    {
        string root = typeof(NativeLoadTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        string torchSharpVersion = typeof(torch).Assembly.GetName().Version!.ToString(3);
        string original = Path.Combine(root, "torchsharp", torchSharpVersion, "runtimes", "linux-x64", "native", LibName);
        Assert.True(File.Exists(original), $"expected the package's copy at {original}");

        var elf = new ElfFile(original);
        Assert.DoesNotContain(ShimName, elf.Needed());
        ushort? flags = elf.VersionNeedFlags(Version);
        Assert.NotNull(flags);
        Assert.Equal(0, flags.Value & ElfFile.VerFlgWeak);
    }

    private static bool IsPatched(ElfFile elf) =>
        elf.VersionNeedFlags(Version) is ushort flags
        && (flags & ElfFile.VerFlgWeak) != 0
        && elf.Needed().Contains(ShimName);

    private static void EnsureTorchLoaded()
    {
        // The first torch call runs TorchSharp's LoadNativeBackend.
        using var t = torch.zeros(1);
        Assert.Equal(0f, t.item<float>());
    }

    /// <summary>Distinct paths of mapped files named <paramref name="fileName"/> in this process.</summary>
    private static List<string> MappedFiles(string fileName) =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(cols => cols.Length == 6 && Path.GetFileName(cols[5].Trim()) == fileName)
            .Select(cols => cols[5].Trim())
            .Distinct()
            .ToList();

    /// <summary>Asks the dynamic loader whether the libstdc++ this process uses has the version.</summary>
    private static bool HostProvidesVersion()
    {
        IntPtr lib = NativeLibrary.Load("libstdc++.so.6");
        try
        {
            return dlvsym(lib, Symbol, Version) != IntPtr.Zero;
        }
        finally
        {
            NativeLibrary.Free(lib);
        }
    }

    [DllImport("libdl.so.2", CharSet = CharSet.Ansi)]
    private static extern IntPtr dlvsym(IntPtr handle, string symbol, string version);
}
