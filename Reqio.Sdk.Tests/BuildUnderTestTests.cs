using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;

namespace Reqio.Sdk.Tests;

/// <summary>The three test runs really test three builds: each run loads the Reqio.Sdk.dll it asked for.</summary>
public sealed class BuildUnderTestTests
{
    [Test]
    public void The_loaded_Reqio_Sdk_is_the_requested_build()
    {
        string requested = typeof(BuildUnderTestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SdkTarget").Value!;
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
    public void Span_overloads_exist_exactly_where_spans_do()
    {
        bool hasTryMint = typeof(ReqioToken).GetMethods().Any(m => m.Name == "TryMint");
        bool spansExpected = typeof(ReqioToken).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName
            != ".NETStandard,Version=v2.0";

        Assert.That(hasTryMint, Is.EqualTo(spansExpected));
    }
}
