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
    public static string SdkBuild { get; } = Metadata("SdkTarget");

    /// <summary>The processor the tests were built to run on (<c>x64</c>, <c>arm64</c>), as the project file recorded it.</summary>
    public static string Architecture { get; } = Metadata("Architecture");

    /// <summary>
    /// "net8.0 on .NET 10.0.12", and for a run on another processor its runtime identifier and, when the Test task
    /// started it under an emulator (REQIO_TEST_EMULATOR), that it was emulated: "… (linux-arm64, emulated)".
    /// </summary>
    public static string Label =>
        RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? $"{SdkBuild} on {Runtime}"
            : $"{SdkBuild} on {Runtime} ({Platform}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}{(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REQIO_TEST_EMULATOR")) ? "" : ", emulated")})";

    private static string Platform =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : "win";

    [OneTimeSetUp]
    public void WriteLabel()
    {
        string? path = Environment.GetEnvironmentVariable("REQIO_TEST_RUN_LABEL");
        if (!string.IsNullOrEmpty(path))
        {
            File.WriteAllText(path, Label);
        }
    }

    private static string Metadata(string key) =>
        typeof(TestRunLabel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
