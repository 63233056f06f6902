using System.IO;

namespace Reqio.Sdk.AspNetCore.Tests.Support;

/// <summary>The repository's root folder (the one holding Reqio.Sdk.slnx), found by walking up from the test assembly.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Reqio.Sdk.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Reqio.Sdk.slnx above {AppContext.BaseDirectory}.");
    }
}
