#if REQIO_NET8
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using CliWrap;
using CliWrap.Buffered;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Reqio.Sdk as a customer gets it: the packed .nupkg, strong-named, and a console app that references that package
/// (not the project), published for .NET 10 as IL and as a native AOT binary, and for .NET Framework 4.8 with a
/// strong name of its own (run on Mono). The Test task packs and publishes before the tests run (artifacts/packages,
/// artifacts/consumer); these tests run where the net8.0 build is tested, since they test the package.
/// </summary>
[NonParallelizable]
[Category(Needs.Package)]
public sealed class PackageConsumerTests
{
    private static readonly string s_artifacts = FindArtifacts();

    [Test]
    public void The_package_holds_three_builds_with_docs_a_readme_and_no_dependencies()
    {
        string package = SinglePackage("*.nupkg");
        using ZipArchive zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        foreach (string target in new[] { "netstandard2.0", "netstandard2.1", "net8.0" })
        {
            Assert.That(entries, Does.Contain($"lib/{target}/Reqio.Sdk.dll").And.Contain($"lib/{target}/Reqio.Sdk.xml"));
        }

        Assert.That(entries, Does.Contain("README.md"));
        Assert.That(entries.Count(e => e.StartsWith("lib/", StringComparison.Ordinal)), Is.EqualTo(6));
        XDocument nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.That(metadata.Descendants(ns + "dependency"), Is.Empty, "the package depends on nothing, on any target");
        Assert.That(metadata.Element(ns + "dependencies")!.Elements(ns + "group").Count(), Is.EqualTo(3));
        Assert.That((string?)metadata.Element(ns + "license"), Is.EqualTo("MIT"));
        Assert.That((string?)metadata.Element(ns + "readme"), Is.EqualTo("README.md"));
        Assert.That((string?)metadata.Element(ns + "description"), Is.Not.Empty);
        Assert.That((string?)metadata.Element(ns + "tags"), Does.Contain("jwt"));
        Assert.That(SinglePackage("*.snupkg"), Does.EndWith(".snupkg"));
    }

    [Test]
    public void The_companion_package_is_released_with_the_core_its_one_dependency()
    {
        string package = CompanionPackage("*.nupkg");
        using ZipArchive zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        XElement metadata = Metadata(zip, out XNamespace ns);
        XElement core;
        XNamespace coreNs;
        using (ZipArchive coreZip = ZipFile.OpenRead(SinglePackage("*.nupkg")))
        {
            core = Metadata(coreZip, out coreNs);
        }

        string? coreVersion = (string?)core.Element(coreNs + "version");
        Assert.That(coreVersion, Is.Not.Null);

        Assert.That(entries, Does.Contain("lib/net8.0/Reqio.Sdk.AspNetCore.dll").And.Contain("lib/net8.0/Reqio.Sdk.AspNetCore.xml").And.Contain("README.md"));
        Assert.That(new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd(), Does.StartWith("# Reqio.Sdk.AspNetCore"), "its own readme, not the core's");
        Assert.That((string?)metadata.Element(ns + "version"), Is.EqualTo(coreVersion), "both packages, one version");
        Assert.That(metadata.Descendants(ns + "dependency").Select(d => ((string?)d.Attribute("id"), (string?)d.Attribute("version"))),
            Is.EqualTo(new[] { ("Reqio.Sdk", coreVersion) }), "Reqio.Sdk and nothing else from NuGet");
        Assert.That(metadata.Descendants(ns + "frameworkReference").Select(f => (string?)f.Attribute("name")), Is.EqualTo(new[] { "Microsoft.AspNetCore.App" }));
        foreach (var (each, eachNs) in new[] { (metadata, ns), (core, coreNs) })
        {
            Assert.That((string?)each.Element(eachNs + "projectUrl"), Is.Not.Empty.And.EqualTo((string?)core.Element(coreNs + "projectUrl")));
            Assert.That((string?)each.Element(eachNs + "releaseNotes"), Does.Contain("CHANGELOG.md"));
        }

        Assert.That(CompanionPackage("*.snupkg"), Does.EndWith(".snupkg"));
        string dll = Path.Combine(Path.GetTempPath(), "reqio-aspnetcore-" + Guid.NewGuid().ToString("N") + ".dll");
        try
        {
            zip.GetEntry("lib/net8.0/Reqio.Sdk.AspNetCore.dll")!.ExtractToFile(dll);
            Assert.That(BuildUnderTestTests.Hex(AssemblyName.GetAssemblyName(dll).GetPublicKeyToken()), Is.EqualTo(BuildUnderTestTests.PublicKeyToken));
        }
        finally
        {
            File.Delete(dll);
        }
    }

    [TestCase("netstandard2.0")]
    [TestCase("netstandard2.1")]
    [TestCase("net8.0")]
    public void Every_build_in_the_package_is_strong_named_and_its_signature_verifies(string target)
    {
        string folder = Path.Combine(Path.GetTempPath(), "reqio-sn-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string dll = Path.Combine(folder, "Reqio.Sdk.dll");
            using (ZipArchive zip = ZipFile.OpenRead(SinglePackage("*.nupkg")))
            {
                zip.GetEntry($"lib/{target}/Reqio.Sdk.dll")!.ExtractToFile(dll);
            }

            Assert.That(BuildUnderTestTests.Hex(AssemblyName.GetAssemblyName(dll).GetPublicKeyToken()), Is.EqualTo(BuildUnderTestTests.PublicKeyToken));
            // Mono's sn checks the signature over the whole file: 0 and "is strongnamed" only for an intact signed one.
            (int exit, string output, string error) = Run("sn", $"-v \"{dll}\"", new Dictionary<string, string?>());
            Assert.That(exit, Is.Zero, output + error);
            Assert.That(output, Does.Contain("is strongnamed"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_README_gives_the_public_key_token()
    {
        string readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        Assert.That(readme, Does.Contain($"`{BuildUnderTestTests.PublicKeyToken}`"));
    }

    [Test]
    public void The_strong_named_NET_Framework_consumer_references_the_signed_package_and_mints_on_Mono()
    {
        string exe = Path.Combine(s_artifacts, "consumer", "netfx", "Reqio.Sdk.Consumer.exe");
        Assert.That(AssemblyName.GetAssemblyName(exe).GetPublicKeyToken(), Is.Not.Empty, "the consumer is strong-named");
        using (var pe = new PEReader(File.OpenRead(exe)))
        {
            MetadataReader metadata = pe.GetMetadataReader();
            AssemblyReference reqio = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
                .Single(r => metadata.GetString(r.Name) == "Reqio.Sdk");
            Assert.That(BuildUnderTestTests.Hex(metadata.GetBlobBytes(reqio.PublicKeyOrToken)), Is.EqualTo(BuildUnderTestTests.PublicKeyToken));
        }

        AssertMintsVerifiedToken("mono", $"\"{exe}\" package-netfx-user", "package-netfx-user");
    }

    [Test]
    public void The_consumer_was_built_from_the_package_not_the_project()
    {
        string deps = File.ReadAllText(Path.Combine(s_artifacts, "consumer", "jit", "Reqio.Sdk.Consumer.deps.json"));
        var libraries = System.Text.Json.Nodes.JsonNode.Parse(deps)!["libraries"]!.AsObject();
        var reqio = libraries.Single(l => l.Key.StartsWith("Reqio.Sdk/", StringComparison.Ordinal));

        Assert.That((string?)reqio.Value!["type"], Is.EqualTo("package"));
    }

    [TestCase("jit")]
    [TestCase("aot")]
    [TestCase("netfx")]
    public void The_publish_had_no_warning_at_all(string flavor)
    {
        string log = File.ReadAllText(Path.Combine(s_artifacts, "consumer", $"{flavor}-publish.log"));

        Assert.That(log, Does.Contain("0 Warning(s)"));
        Assert.That(log.Split('\n').Where(l => l.Contains("warning", StringComparison.Ordinal)), Is.Empty);
        if (flavor == "aot")
        {
            Assert.That(log, Does.Contain("Generating native code"));
        }
    }

    [Test]
    public void The_IL_consumer_mints_from_the_environment_a_token_that_verifies()
    {
        string dll = Path.Combine(s_artifacts, "consumer", "jit", "Reqio.Sdk.Consumer.dll");

        AssertMintsVerifiedToken("dotnet", $"\"{dll}\" package-jit-user", "package-jit-user");
    }

    [Test]
    public void The_native_AOT_consumer_mints_from_the_environment_a_token_that_verifies()
    {
        string binary = Path.Combine(s_artifacts, "consumer", "aot", "Reqio.Sdk.Consumer");
        byte[] head = File.ReadAllBytes(binary).Take(4).ToArray();
        Assert.That(head, Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }), "a native executable");
        Assert.That(File.Exists(Path.Combine(s_artifacts, "consumer", "aot", "Reqio.Sdk.dll")), Is.False, "no IL beside it");

        AssertMintsVerifiedToken(binary, "package-aot-user", "package-aot-user");
    }

    [Test]
    public void The_native_AOT_consumer_without_configuration_fails_naming_the_variables()
    {
        string binary = Path.Combine(s_artifacts, "consumer", "aot", "Reqio.Sdk.Consumer");

        (int exit, string _, string error) = Run(binary, "x", new Dictionary<string, string?>());

        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Does.Contain("REQIO_SECRET").And.Contain("REQIO_PROJECT_ID"));
    }

    private static void AssertMintsVerifiedToken(string program, string arguments, string expectedSub)
    {
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        (int exit, string output, string error) = Run(program, arguments, new Dictionary<string, string?>
        {
            ["REQIO_SECRET"] = Secret,
            ["REQIO_PROJECT_ID"] = "proj_abc123",
        });
        Assert.That(exit, Is.Zero, error);
        string token = output.Trim();

        var payload = IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.UtcNow);
        var expected = Jwt.ExpectedClaims(new ReqioUser(expectedSub, "grace@example.org", ReqioTraits.Yearly("business", 58_800)),
            Audience, (long)payload["iat"]!, 300);
        Assert.That(Jwt.SameClaims(payload, expected), Is.True, payload.ToJsonString());
        Assert.That((long)payload["iat"]!, Is.InRange(before, before + 60));
        var jose = JoseVerifier.VerifyAll([token], Secret, Audience, before + 1).Single();
        Assert.That(Jwt.SameClaims(jose, expected), Is.True);
    }

    /// <summary>Runs a program to its end with the REQIO_ settings of this process removed and <paramref name="environment"/> given.</summary>
    private static (int Exit, string Output, string Error) Run(string program, string arguments, Dictionary<string, string?> environment)
    {
        var settings = new Dictionary<string, string?> { ["REQIO_SECRET"] = null, ["REQIO_AUDIENCE"] = null, ["REQIO_PROJECT_ID"] = null };
        BufferedCommandResult result = Cli.Wrap(program).WithArguments(arguments)
            .WithEnvironmentVariables(settings.Concat(environment).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private static string SinglePackage(string pattern)
    {
        // Reqio.Sdk's own: the ASP.NET Core companion (Reqio.Sdk.AspNetCore.*) is packed beside it.
        string[] found = Directory.GetFiles(Path.Combine(s_artifacts, "packages"), pattern)
            .Where(f => !Path.GetFileName(f).StartsWith("Reqio.Sdk.AspNetCore.", StringComparison.Ordinal))
            .ToArray();
        Assert.That(found, Has.Length.EqualTo(1), $"one Reqio.Sdk {pattern} in artifacts/packages");
        return found[0];
    }

    private static string CompanionPackage(string pattern)
    {
        string[] found = Directory.GetFiles(Path.Combine(s_artifacts, "packages"), "Reqio.Sdk.AspNetCore." + pattern);
        Assert.That(found, Has.Length.EqualTo(1), $"one Reqio.Sdk.AspNetCore {pattern} in artifacts/packages");
        return found[0];
    }

    private static XElement Metadata(ZipArchive zip, out XNamespace ns)
    {
        XDocument nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        ns = nuspec.Root!.Name.Namespace;
        return nuspec.Root.Element(ns + "metadata")!;
    }

    private static string FindArtifacts()
    {
        string artifacts = RepositoryRoot.Combine("artifacts");
        if (!Directory.Exists(Path.Combine(artifacts, "consumer", "aot")) || !Directory.Exists(Path.Combine(artifacts, "packages")))
        {
            throw new AssertionException(
                "artifacts/packages and artifacts/consumer are missing: run `dotnet cake --target=Test`, which packs and publishes them first.");
        }

        return artifacts;
    }
}
#endif
