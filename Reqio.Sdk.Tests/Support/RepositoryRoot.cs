using System.IO;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The repository's root folder (the one holding Reqio.Sdk.slnx), found by walking up from the running assembly's
/// folder: the one way the tests find the README, the jose verifier and the Test task's artifacts, and the benchmarks
/// (which link this file) find the first-token apps.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    /// <summary>The root folder's full path.</summary>
    public static string Path => s_path.Value;

    /// <summary>A path below the root, from its parts.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Reqio.Sdk.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"The repository root (the folder holding Reqio.Sdk.slnx) is not above {AppContext.BaseDirectory}.");
    }
}
