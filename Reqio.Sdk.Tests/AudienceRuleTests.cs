using System.Collections.Generic;
using System.Text;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The audience rule. On Reqio's host (reqio.app or a name under it, in any letter case) only the form Reqio issues,
/// <c>https://reqio.app/p/{projectId}</c>; on another host any absolute http or https URI, where a path
/// <c>/p/{segment}</c> names a project. Everywhere: no white space or control character, at most 256 characters.
/// Each case's outcome is written out.
/// </summary>
public sealed class AudienceRuleTests
{
    /// <summary>Audiences of other hosts (a local or staging Reqio), kept exactly as given.</summary>
    public static IEnumerable<string> Accepted =>
    [
        "https://reqio.app/p/proj_abc123", "https://reqio.app/p/A-z_0", "http://localhost:8080/p/dev", "https://a",
        "https://a.b:80/p", "https://my_service:8080/p/dev", "https://1.2.3.4", "https://xn--bcher-kva.example/p",
        "https://[::1]", "https://[::1]:8080/p", "https://bücher.example/p/x", "https://日本.jp/p/x",
        "https://a/é☃🚀", "https://reqio.app.example/p/x", "https://notreqio.app/p/x", "https://staging.example/p/x/",
        "https://staging.example/p?x", "HTTPS://staging.example/p/x",
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

    /// <summary>Near misses on Reqio's host: each a URI, each an audience Reqio never issues and would refuse.</summary>
    public static IEnumerable<string> ReqioHostNearMisses =>
    [
        "http://reqio.app/p/proj_abc123", "https://reqio.app/p/proj_abc123/", "https://REQIO.app/p/proj_abc123",
        "HTTPS://reqio.app/p/proj_abc123", "https://reqio.app:443/p/proj_abc123", "https://reqio.app./p/proj_abc123",
        "https://www.reqio.app/p/proj_abc123", "https://api.Reqio.App/p/proj_abc123",
        "https://reqio.app/P/proj_abc123", "https://reqio.app/proj_abc123", "https://reqio.app", "https://reqio.app/",
        "https://reqio.app/p/", "https://reqio.app/p/proj_abc123?x=1", "https://reqio.app/p/proj_abc123#f",
        "https://reqio.app/p/proj/abc", "https://reqio.app/p/proj.abc", "https://reqio.app//p/proj_abc123",
    ];

    [TestCaseSource(nameof(Accepted))]
    public void An_absolute_http_URI_with_a_host_is_an_audience_kept_as_given(string audience)
    {
        var project = new ReqioProject(Secret, audience);

        Assert.That(project.Audience, Is.SameAs(audience));
        Assert.That((string?)Jwt.Payload(ReqioToken.Mint(new ReqioUser("1"), project))["aud"], Is.EqualTo(audience));
    }

    [TestCaseSource(nameof(Refused))]
    [TestCaseSource(nameof(RefusedForTheirCharacters))]
    public void Anything_else_is_refused_naming_the_rule(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience));

        Assert.That(e!.ParamName, Is.EqualTo("audience"));
        Assert.That(e.Message, Does.Contain("audience must"));
    }

    [TestCaseSource(nameof(ReqioHostNearMisses))]
    public void On_Reqios_host_only_the_form_Reqio_issues_is_an_audience(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience));

        Assert.That(e!.ParamName, Is.EqualTo("audience"));
        Assert.That(e.Message, Does.Contain("https://reqio.app/p/{projectId}").Or.Contain("project id rule"));
    }

    [TestCase("https://u:p@a")]
    [TestCase("https://user@reqio.app/p/proj_abc123")]
    [TestCase("https://ops:hunter2@staging.example/p/dev")]
    public void A_user_name_or_password_is_refused_without_being_repeated(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience));

        Assert.That(e!.Message, Does.StartWith("audience must not hold a user name or password (user:password@host)."));
        Assert.That(e.Message, Does.Not.Contain(audience));
    }

    [TestCase("https://reqio.app/p/YOUR_PROJECT_ID")]
    [TestCase("https://reqio.app/p/{projectId}")]
    [TestCase("https://reqio.app/p/<project>")]
    [TestCase("https://reqio.app/p/…")]
    [TestCase("http://localhost:5080/p/your-project-id")]
    public void A_placeholder_in_the_project_id_place_is_a_placeholder(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience));

        Assert.That(e!.Message, Does.StartWith("audience is a placeholder"));
    }

    [Test]
    public void An_internationalized_host_is_taken_as_System_Uri_takes_it()
    {
        const string Audience = "https://bücher.example/p/x";

        string token = ReqioToken.Mint(new ReqioUser("1"), new ReqioProject(Secret, Audience));

        Assert.That((string?)Jwt.Payload(token)["aud"], Is.EqualTo(Audience), "the claim is the text given, not its xn-- form");
        Assert.That(Encoding.ASCII.GetString(Jwt.Base64UrlDecode(token.Split('.')[1])), Does.Contain("\"aud\":\"https://b\\u00fccher.example/p/x\""));
    }
}
