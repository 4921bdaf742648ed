using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace ModelGen.SourceGenerators.Tests.Support;

/// <summary>
/// Snapshot testing in Verify's convention, so moving to Verify.Xunit later is a rename: the accepted
/// text is <c>{Class}.{Method}.verified.cs</c> in the Snapshots folder beside the test; on a mismatch the
/// new text is written to <c>{Class}.{Method}.received.cs</c> and the test fails with a line diff.
/// Set MODELGEN_ACCEPT_SNAPSHOTS=1 to accept received text as verified.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MODELGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string? suffix = null, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string name = Path.GetFileNameWithoutExtension(testFile) + "." + test + (suffix is null ? "" : "." + suffix);
        string verifiedPath = Path.Combine(directory, name + ".verified.cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual);
        throw new XunitException(verified is null
            ? $"No verified snapshot {verifiedPath}. Review {receivedPath} and accept it (rename, or rerun with {AcceptVariable}=1).\n\n{actual}"
            : $"Snapshot {verifiedPath} differs; the new text is in {receivedPath}.\n{Diff(verified, actual)}");
    }

    private static string Diff(string verified, string actual)
    {
        var model = InlineDiffBuilder.Diff(verified, actual);
        var sb = new StringBuilder();
        foreach (var line in model.Lines)
        {
            string prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            if (line.Type != ChangeType.Unchanged)
            {
                sb.Append(prefix).Append(line.Position?.ToString() ?? "").Append(": ").AppendLine(line.Text);
            }
        }
        return sb.ToString();
    }
}
