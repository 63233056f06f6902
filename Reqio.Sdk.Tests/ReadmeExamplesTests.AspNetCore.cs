using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Configuration;
using ReadmeExamples;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>The guide's examples that need Microsoft.Extensions (not built for .NET Framework).</summary>
public sealed partial class ReadmeExamplesTests
{
    private const string RotatedSecret = "rq_sk_rotated_0123456789abcdef0123456789abcdef";

    [Test]
    public void ReqioProjectSource_signs_with_the_new_secret_after_a_configuration_reload()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" })
            .Build();
        var source = new ReqioProjectSource(configuration);
        ReqioProject before = source.Current;
        AssertSignsWith(before, Secret);

        configuration["REQIO_SECRET"] = RotatedSecret;
        configuration.Reload();

        Assert.That(source.Current, Is.Not.SameAs(before));
        AssertSignsWith(source.Current, RotatedSecret);
        Assert.That(source.LastError, Is.Null);
    }

    [Test]
    public void ReqioProjectSource_keeps_its_project_when_a_reload_brings_a_refused_secret_and_says_why()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" })
            .Build();
        var source = new ReqioProjectSource(configuration);
        ReqioProject before = source.Current;

        configuration["REQIO_SECRET"] = "too-short";
        configuration.Reload();

        Assert.That(source.Current, Is.SameAs(before));
        Assert.That(source.LastError?.Message, Does.Contain("REQIO_SECRET"));
        Assert.That(source.LastError?.Message, Does.Not.Contain("too-short"));
    }

    private static void AssertSignsWith(ReqioProject project, string secret) =>
        IdentityModelVerifier.Verify(ReqioToken.Mint(new ReqioUser("rotation-user"), project), Encoding.UTF8.GetBytes(secret), Audience, DateTimeOffset.UtcNow);
}
