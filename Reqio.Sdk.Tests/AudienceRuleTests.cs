using System.Collections.Generic;
using System.Text;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The audience rule: an absolute http or https URI with a host, as System.Uri reads it, without white space or
/// control characters, at most 256 characters. Each case's outcome is written out: these are audiences, kept exactly
/// as given; those are refused, naming the rule.
/// </summary>
public sealed class AudienceRuleTests
{
    public static IEnumerable<string> Accepted =>
    [
        "https://reqio.app/p/proj_abc123", "HTTPS://reqio.app/p/x", "Http://Reqio.App/p/x", "http://localhost:8080/p/dev",
        "https://reqio.app", "https://reqio.app?x", "https://reqio.app#f", "https://a", "https://a.b:80/p",
        "https://my_service:8080/p/dev", "https://1.2.3.4", "https://xn--bcher-kva.example/p", "https://u:p@a",
        "https://[::1]", "https://[::1]:8080/p", "https://bücher.example/p/x", "https://日本.jp/p/x", "https://a/é☃🚀",
    ];

    /// <summary>Refused on every runtime: not absolute, another scheme, no host, a broken port or address.</summary>
    public static IEnumerable<string> Refused =>
    [
        "", "reqio.app/p/x", "/p/proj", "ftp://reqio.app/p/x", "mailto:ops@reqio.app", "urn:reqio:proj", "file:///p/x",
        "httpss://a", "https//a", "https:", "https://", "https:///a", "https://a:65536", "https://a:8x", "https://[::1",
        "https://[zz::1]",
    ];

    /// <summary>System.Uri would take each of these, but a claim must not: white space or a control character.</summary>
    public static IEnumerable<string> RefusedForTheirCharacters =>
        ["https://reqio.app/p/x ", " https://reqio.app/p/x", "https://reqio.app/p x", "https://reqio.app/p/x\n", "https://reqio.app/p/\u0000x", "https://reqio.app/p/\u00a0"];

    [TestCaseSource(nameof(Accepted))]
    public void An_absolute_http_URI_with_a_host_is_an_audience_kept_as_given(string audience)
    {
        var options = new ReqioProject(Secret, audience);

        Assert.That(options.Audience, Is.SameAs(audience));
        Assert.That((string?)Jwt.Payload(ReqioToken.Mint(new ReqioUser("1"), options))["aud"], Is.EqualTo(audience));
        Assert.That(UriAccepts(audience), Is.True, "System.Uri accepts it too");
    }

    [TestCaseSource(nameof(Refused))]
    [TestCaseSource(nameof(RefusedForTheirCharacters))]
    public void Anything_else_is_refused_naming_the_rule(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience));

        Assert.That(e!.ParamName, Is.EqualTo("audience"));
        Assert.That(e.Message, Does.Contain("audience must"));
    }

    [Test]
    public void An_internationalized_host_is_taken_as_System_Uri_takes_it()
    {
        const string Audience = "https://bücher.example/p/x";

        string token = ReqioToken.Mint(new ReqioUser("1"), new ReqioProject(Secret, Audience));

        Assert.That((string?)Jwt.Payload(token)["aud"], Is.EqualTo(Audience), "the claim is the text given, not its xn-- form");
        Assert.That(Encoding.ASCII.GetString(Jwt.Base64UrlDecode(token.Split('.')[1])), Does.Contain("\"aud\":\"https://b\\u00fccher.example/p/x\""));
    }

    private static bool UriAccepts(string audience) =>
        Uri.TryCreate(audience, UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
