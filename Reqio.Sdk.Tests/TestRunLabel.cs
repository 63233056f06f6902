using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Names the run for CI's summary: "netstandard2.0 on Mono 6.8.0.105", ".NET 8.0.31", and so on, as the test process
/// itself sees them. When REQIO_TEST_RUN_LABEL names a file (the Test task sets it beside each run's TRX file), the
/// label is written there before any test runs.
/// </summary>
[SetUpFixture]
public sealed class TestRunLabel
{
    /// <summary>The runtime's name and version, without the build details Mono adds in parentheses.</summary>
    public static string Runtime { get; } = RuntimeInformation.FrameworkDescription.Split('(')[0].Trim();

    /// <summary>The library build under test, as the project file passed it in.</summary>
    public static string SdkBuild { get; } = typeof(TestRunLabel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SdkTarget").Value!;

    [OneTimeSetUp]
    public void WriteLabel()
    {
        string? path = Environment.GetEnvironmentVariable("REQIO_TEST_RUN_LABEL");
        if (!string.IsNullOrEmpty(path))
        {
            File.WriteAllText(path, $"{SdkBuild} on {Runtime}");
        }
    }
}
