using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The test runs really test what they say: each loads the Reqio.Sdk.dll build it asked for, on the runtime its test
/// assembly was built for (a net8.0 test assembly on .NET 8, not rolled forward; a net48 one on Mono or .NET Framework).
/// </summary>
public sealed class BuildUnderTestTests
{
    /// <summary>The public key token of Reqio.Sdk's strong name (Reqio.Sdk/Reqio.Sdk.snk), as the README gives it.</summary>
    public const string PublicKeyToken = "6a2ec1dff431a894";

    [Test]
    public void The_loaded_Reqio_Sdk_is_strong_named_with_the_projects_key()
    {
        byte[]? token = typeof(ReqioToken).Assembly.GetName().GetPublicKeyToken();

        Assert.That(Hex(token), Is.EqualTo(PublicKeyToken));
    }

    /// <summary>A public key token as the usual lowercase hex, or "" when there is none.</summary>
    public static string Hex(byte[]? bytes) =>
        bytes is null ? "" : string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void The_tests_run_on_the_runtime_they_were_built_for()
    {
        string built = typeof(BuildUnderTestTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        string runtime = RuntimeInformation.FrameworkDescription;

        string[] expected = built switch
        {
            ".NETFramework,Version=v4.8" => ["Mono ", ".NET Framework 4."],
            ".NETCoreApp,Version=v8.0" => [".NET 8."],
            ".NETCoreApp,Version=v10.0" => [".NET 10."],
            _ => throw new AssertionException($"Unknown test framework {built}"),
        };
        Assert.That(expected.Any(e => runtime.StartsWith(e, StringComparison.Ordinal)), Is.True, $"{built} ran on {runtime}");
        Assert.That(TestRunLabel.Runtime, Is.Not.Empty.And.Not.Contains("("));
    }

    [Test]
    public void The_tests_run_on_the_processor_they_were_built_for()
    {
        // The emulated linux-arm64 run must really be Arm64 code under the emulator, not an x64 fallback.
        Assert.That(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), Is.EqualTo(TestRunLabel.Architecture));
    }

    [Test]
    public void The_loaded_Reqio_Sdk_is_the_requested_build()
    {
        string requested = TestRunLabel.SdkBuild;
        string loaded = typeof(ReqioToken).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        string expected = requested switch
        {
            "netstandard2.0" => ".NETStandard,Version=v2.0",
            "netstandard2.1" => ".NETStandard,Version=v2.1",
            "net8.0" => ".NETCoreApp,Version=v8.0",
            _ => throw new AssertionException($"Unknown SdkTarget {requested}"),
        };
        Assert.That(loaded, Is.EqualTo(expected));
    }

    [Test]
    public void The_tests_compile_symbols_match_the_library_build_and_the_runtime_under_test()
    {
        string library = typeof(ReqioToken).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        string tests = typeof(BuildUnderTestTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        Assert.Multiple(() =>
        {
            Assert.That(CompiledWith.Spans, Is.EqualTo(library != ".NETStandard,Version=v2.0"), $"REQIO_SPANS for a {library} build");
            Assert.That(CompiledWith.Net8, Is.EqualTo(library == ".NETCoreApp,Version=v8.0"), $"REQIO_NET8 for a {library} build");
            Assert.That(CompiledWith.NetFx, Is.EqualTo(tests.StartsWith(".NETFramework,", StringComparison.Ordinal)), $"REQIO_NETFX for {tests} tests");
        });
    }

    [Test]
    public void Span_overloads_exist_exactly_where_spans_do()
    {
        bool hasTryMint = typeof(ReqioToken).GetMethods().Any(m => m.Name == "TryMint");
        bool spansExpected = typeof(ReqioToken).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName
            != ".NETStandard,Version=v2.0";

        Assert.That(hasTryMint, Is.EqualTo(spansExpected));
    }
}
