using System.Collections.Generic;
using System.IO;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>The widget's script tag: exact HTML, and every hostile value refused before a byte of HTML is written.</summary>
public sealed class WidgetTests
{
    private static readonly string s_token = PyJwtVector.All[0].Token;

    [Test]
    public void ScriptTag_renders_the_widget_tag_exactly()
    {
        Assert.That(ReqioWidget.ScriptTag("proj_abc123", s_token),
            Is.EqualTo($"<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" data-identity-token=\"{s_token}\" async></script>"));
    }

    [Test]
    public void A_nonce_goes_before_async()
    {
        Assert.That(ReqioWidget.ScriptTag("p", s_token, "rAnd0m+/Nonce=="),
            Is.EqualTo($"<script src=\"https://reqio.app/widget.js\" data-project-id=\"p\" data-identity-token=\"{s_token}\" nonce=\"rAnd0m+/Nonce==\" async></script>"));
    }

    [Test]
    public void WriteScriptTag_writes_the_same_html_to_a_writer()
    {
        var writer = new StringWriter();

        ReqioWidget.WriteScriptTag(writer, "proj_abc123", s_token, "n-o_nce");

        Assert.That(writer.ToString(), Is.EqualTo(ReqioWidget.ScriptTag("proj_abc123", s_token, "n-o_nce")));
    }

    [TestCase("p\"><script>alert(1)</script>")]
    [TestCase("p' onload='alert(1)")]
    [TestCase("p&amp;")]
    [TestCase("")]
    [TestCase("proj abc")]
    public void A_hostile_project_id_is_refused_before_any_html(string projectId)
    {
        var writer = new StringWriter();

        var e = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteScriptTag(writer, projectId, s_token));

        Assert.That(e!.ParamName, Is.EqualTo("projectId"));
        Assert.That(writer.ToString(), Is.Empty);
    }

    [TestCase("abc\"def")]
    [TestCase("abc' onerror='x")]
    [TestCase("\"><script>alert(1)</script>")]
    [TestCase("")]
    [TestCase("a b")]
    [TestCase("abc===")]
    [TestCase("=")]
    [TestCase("ab=c")]
    public void A_nonce_that_is_not_base64_is_refused_before_any_html(string nonce)
    {
        var writer = new StringWriter();

        var e = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteScriptTag(writer, "p", s_token, nonce));

        Assert.That(e!.ParamName, Is.EqualTo("nonce"));
        Assert.That(writer.ToString(), Is.Empty);
    }

    public static IEnumerable<string> NotTokens =>
    [
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "a..b",
        ".a.b",
        "a.b.",
        "a.b.c\"><script>alert(1)</script>",
        "a.b.c d",
        "a.b+c.d",
        "a.b." + new string('c', ReqioToken.MaxTokenLength),
    ];

    [TestCaseSource(nameof(NotTokens))]
    public void Anything_but_a_compact_token_is_refused(string identityToken)
    {
        Assert.That(Assert.Throws<ArgumentException>(() => ReqioWidget.ScriptTag("p", identityToken))!.ParamName, Is.EqualTo("identityToken"));
    }

    [Test]
    public void Nulls_are_ArgumentNullException()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.ScriptTag((string)null!, s_token))!.ParamName, Is.EqualTo("projectId"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.ScriptTag("p", null!))!.ParamName, Is.EqualTo("identityToken"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.WriteScriptTag(null!, "p", s_token))!.ParamName, Is.EqualTo("writer"));
    }

    [Test]
    public void A_hostile_user_stays_inside_the_signed_token()
    {
        var user = new ReqioUser("\"><script>alert(1)</script>", "x@\"><img/src=x/onerror=alert(1)>");
        string token = ReqioToken.Mint(user, new ReqioOptions(Secret, Audience));

        string tag = ReqioWidget.ScriptTag("proj_abc123", token);

        Assert.That(tag.IndexOf("<script", 1, StringComparison.Ordinal), Is.EqualTo(-1));
        Assert.That((string?)Jwt.Payload(token)["sub"], Is.EqualTo(user.Id));
    }

    [TestCase("https://reqio.app/p/proj_abc123", "proj_abc123")]
    [TestCase("https://reqio.app/p/a-b_C9", "a-b_C9")]
    [TestCase("https://reqio.app/p/", null)]
    [TestCase("https://reqio.app/p/proj/extra", null)]
    [TestCase("https://example.com/p/proj", null)]
    [TestCase("http://reqio.app/p/proj", null)]
    public void ProjectId_comes_from_a_Reqio_audience(string audience, string? projectId)
    {
        Assert.That(new ReqioOptions(Secret, audience).ProjectId, Is.EqualTo(projectId));
    }

    [Test]
    public void The_options_overloads_render_the_options_project()
    {
        var options = ReqioOptions.ForProject(Secret, "proj_abc123");
        var writer = new StringWriter();

        ReqioWidget.WriteScriptTag(writer, options, s_token, "n0nce");

        Assert.That(ReqioWidget.ScriptTag(options, s_token), Is.EqualTo(ReqioWidget.ScriptTag("proj_abc123", s_token)));
        Assert.That(writer.ToString(), Is.EqualTo(ReqioWidget.ScriptTag("proj_abc123", s_token, "n0nce")));
    }

    [Test]
    public void Options_without_a_project_are_refused_with_how_to_name_one()
    {
        var options = new ReqioOptions(Secret, "https://example.com/p/proj");
        var writer = new StringWriter();

        var e = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteScriptTag(writer, options, s_token))!;

        Assert.That(e, Is.Not.InstanceOf<ArgumentNullException>());
        Assert.That(e.ParamName, Is.EqualTo("options"));
        Assert.That(e.Message, Does.Contain("options have no ProjectId").And.Contain("https://example.com/p/proj")
            .And.Contain("REQIO_PROJECT_ID").And.Contain("ReqioOptions.ForProject"));
        Assert.That(writer.ToString(), Is.Empty);
        Assert.That(Assert.Throws<ArgumentException>(() => ReqioWidget.ScriptTag(options, s_token))!.Message, Is.EqualTo(e.Message));
    }

    [Test]
    public void The_options_overloads_refuse_nulls_by_name()
    {
        var options = ReqioOptions.ForProject(Secret, "p");

        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.ScriptTag((ReqioOptions)null!, s_token))!.ParamName, Is.EqualTo("options"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.ScriptTag(options, null!))!.ParamName, Is.EqualTo("identityToken"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.WriteScriptTag(null!, options, s_token))!.ParamName, Is.EqualTo("writer"));
    }

    [Test]
    public void ForProject_knows_its_project_id()
    {
        Assert.That(ReqioOptions.ForProject(Secret, "proj_abc123").ProjectId, Is.EqualTo("proj_abc123"));
    }

    [Test]
    public void Mint_says_when_the_token_expires_without_decoding_it()
    {
        var options = new ReqioOptions(Secret, Audience) { Clock = new FixedClock(1_764_000_000), Lifetime = TimeSpan.FromSeconds(90) };

        string token = ReqioToken.Mint(new ReqioUser("1"), options, out DateTimeOffset expiresAt);

        Assert.That(expiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_764_000_090)));
        Assert.That((long)Jwt.Payload(token)["exp"]!, Is.EqualTo(expiresAt.ToUnixTimeSeconds()));
    }
}
