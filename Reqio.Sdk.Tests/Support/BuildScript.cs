#if !REQIO_NETFX
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// Runs a task of the repository's build.cake (<c>dotnet cake</c> at the repository's root) and returns its exit code
/// and output, for the tests that hold the build's own files (the workflows, dependabot.yml, the release check)
/// against what build.cake says.
/// </summary>
internal static class BuildScript
{
    /// <summary>
    /// The NUnit category of the build's own tests. They check files, not a library build, so the Test task runs them
    /// in one run only (the net8.0 build's on .NET 10).
    /// </summary>
    public const string Category = "Repository";

    /// <summary>Runs <c>dotnet cake build.cake</c> with <paramref name="arguments"/>; the output loses its colours.</summary>
    public static (int ExitCode, string Output) Run(string arguments)
    {
        Start("tool restore");
        return Start($"cake build.cake {arguments}");
    }

    private static (int ExitCode, string Output) Start(string arguments)
    {
        BufferedCommandResult result = Cli.Wrap("dotnet").WithArguments(arguments).WithWorkingDirectory(RepositoryRoot.Path)
            // Only what the task reads matters; a release tag from the environment must not stand in for --tag.
            .WithEnvironmentVariables(e => e.Set("GITHUB_REF_NAME", null).Set("REQIO_EXPECTED_RUNS", null))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        return (result.ExitCode, Regex.Replace(result.StandardOutput + result.StandardError, @"\x1b\[[0-9;]*m", ""));
    }

    /// <summary>The version the repository releases: Directory.Build.props' one <c>Version</c>.</summary>
    public static string Version()
    {
        var versions = new List<string>();
        foreach (System.Xml.Linq.XElement element in System.Xml.Linq.XDocument.Load(RepositoryRoot.Combine("Directory.Build.props")).Descendants("Version"))
        {
            versions.Add(element.Value.Trim());
        }

        Assert.That(versions, Has.Count.EqualTo(1), "Directory.Build.props sets the version once");
        return versions[0];
    }

    /// <summary>A file of the repository, read whole.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(RepositoryRoot.Combine(parts));
}
#endif
