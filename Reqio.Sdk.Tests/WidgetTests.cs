using System.Collections.Generic;
using System.IO;
using System.Linq;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>The widget's script tag: exact HTML, the project from the project only, and every hostile value refused before a byte of HTML is written.</summary>
public sealed class WidgetTests
{
    private static readonly string s_token = PyJwtVector.All[0].Token;
    private static readonly ReqioProject s_project = ReqioProject.FromProjectId(Secret, "proj_abc123");

    [Test]
    public void ScriptTag_renders_the_widget_tag_exactly()
    {
        Assert.That(ReqioWidget.ScriptTag(s_project, s_token),
            Is.EqualTo($"<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" data-identity-token=\"{s_token}\" async></script>"));
    }

    [Test]
    public void A_nonce_goes_before_async()
    {
        Assert.That(ReqioWidget.ScriptTag(s_project, s_token, "rAnd0m+/Nonce=="),
            Is.EqualTo($"<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" data-identity-token=\"{s_token}\" nonce=\"rAnd0m+/Nonce==\" async></script>"));
    }

    [Test]
    public void The_anonymous_tag_has_no_token()
    {
        Assert.That(ReqioWidget.AnonymousScriptTag(s_project),
            Is.EqualTo("<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" async></script>"));
        Assert.That(ReqioWidget.AnonymousScriptTag(s_project, "n0nce"),
            Is.EqualTo("<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" nonce=\"n0nce\" async></script>"));
    }

    [Test]
    public void The_writer_forms_write_the_same_html()
    {
        var signedIn = new StringWriter();
        var anonymous = new StringWriter();

        ReqioWidget.WriteScriptTag(signedIn, s_project, s_token, "n-o_nce");
        ReqioWidget.WriteAnonymousScriptTag(anonymous, s_project, "n-o_nce");

        Assert.That(signedIn.ToString(), Is.EqualTo(ReqioWidget.ScriptTag(s_project, s_token, "n-o_nce")));
        Assert.That(anonymous.ToString(), Is.EqualTo(ReqioWidget.AnonymousScriptTag(s_project, "n-o_nce")));
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
        var signedIn = new StringWriter();
        var anonymous = new StringWriter();

        var e = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteScriptTag(signedIn, s_project, s_token, nonce));
        var anonymousError = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteAnonymousScriptTag(anonymous, s_project, nonce));

        Assert.That(e!.ParamName, Is.EqualTo("nonce"));
        Assert.That(anonymousError!.Message, Is.EqualTo(e.Message));
        Assert.That(signedIn.ToString() + anonymous.ToString(), Is.Empty);
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
        var writer = new StringWriter();

        var e = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteScriptTag(writer, s_project, identityToken));

        Assert.That(e!.ParamName, Is.EqualTo("identityToken"));
        Assert.That(writer.ToString(), Is.Empty);
    }

    [Test]
    public void Nulls_are_ArgumentNullException_naming_the_parameter()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.ScriptTag(null!, s_token))!.ParamName, Is.EqualTo("project"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.ScriptTag(s_project, null!))!.ParamName, Is.EqualTo("identityToken"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.WriteScriptTag(null!, s_project, s_token))!.ParamName, Is.EqualTo("writer"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.AnonymousScriptTag(null!))!.ParamName, Is.EqualTo("project"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioWidget.WriteAnonymousScriptTag(null!, s_project))!.ParamName, Is.EqualTo("writer"));
    }

    /// <summary>
    /// The tag writes its values without encoding them, so this is its guarantee: whatever a property test throws at
    /// the rules, no value they accept holds a character an attribute would need encoded. A rule loosened to let
    /// one through turns this red.
    /// </summary>
    [Test]
    public void No_value_the_rules_accept_holds_a_character_an_attribute_needs_encoded()
    {
        var random = new Random(20261204);
        const string Hostile = "&<>\"' =/+-_.aZ09\u00e9";
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            string value = new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Hostile[random.Next(Hostile.Length)]).ToArray());
            foreach (Func<string> render in new Func<string>[]
            {
                () => ReqioWidget.AnonymousScriptTag(ReqioProject.FromProjectId(Secret, value)),
                () => ReqioWidget.ScriptTag(s_project, value + "." + value + "." + value),
                () => ReqioWidget.AnonymousScriptTag(s_project, value),
            })
            {
                string tag;
                try
                {
                    tag = render();
                }
                catch (ArgumentException)
                {
                    continue;
                }

                accepted++;
                Assert.That(tag, Does.Match("^<script( [a-z-]+=\"[^\"&<>']*\")+ async></script>$"), "every value stays inside its quotes");
            }
        }

        Assert.That(accepted, Is.GreaterThan(1000), "the generator must reach accepted values");
    }

    [TestCase("https://reqio.app/p/proj_abc123", "proj_abc123")]
    [TestCase("https://reqio.app/p/a-b_C9", "a-b_C9")]
    [TestCase("https://staging.example/p/proj", "proj")]
    [TestCase("http://localhost:5080/p/proj", "proj")]
    [TestCase("https://staging.example/p/proj/extra", null)]
    [TestCase("https://staging.example/p/proj?x=1", null)]
    [TestCase("https://staging.example/widget", null)]
    public void ProjectId_comes_from_an_audience_ending_in_p_and_the_id(string audience, string? projectId)
    {
        Assert.That(new ReqioProject(Secret, audience).ProjectId, Is.EqualTo(projectId));
    }

    [TestCase("https://staging.example/widget")]
    [TestCase("https://staging.example/p/proj_abc123")]
    [TestCase("http://localhost:5080/p/proj_dev")]
    public void A_project_whose_audience_is_not_Reqios_is_refused_since_the_script_is_Reqios(string audience)
    {
        var project = new ReqioProject(Secret, audience);
        var writer = new StringWriter();

        var e = Assert.Throws<ArgumentException>(() => ReqioWidget.WriteScriptTag(writer, project, s_token))!;

        Assert.That(e, Is.Not.InstanceOf<ArgumentNullException>());
        Assert.That(e.ParamName, Is.EqualTo("project"));
        Assert.That(e.Message, Does.StartWith($"project's audience, {audience}, is not Reqio's: the widget's script, https://reqio.app/widget.js, accepts only tokens bound to https://reqio.app/p/{{projectId}}.")
            .And.Contain("REQIO_PROJECT_ID").And.Contain("ReqioProject.FromProjectId"));
        Assert.That(writer.ToString(), Is.Empty);
        Assert.That(Assert.Throws<ArgumentException>(() => ReqioWidget.AnonymousScriptTag(project))!.Message, Is.EqualTo(e.Message));
    }

    [Test]
    public void A_project_id_read_beside_an_audience_of_another_form_is_the_projects_id()
    {
        var project = ReqioProject.FromSettings(name => name switch
        {
            "REQIO_SECRET" => Secret,
            "REQIO_AUDIENCE" => "https://staging.example/widget",
            "REQIO_PROJECT_ID" => "proj_stage",
            _ => null,
        });

        Assert.That(project.Audience, Is.EqualTo("https://staging.example/widget"));
        Assert.That(project.ProjectId, Is.EqualTo("proj_stage"));
    }

    [Test]
    public void MintWithExpiry_returns_the_token_with_its_exp()
    {
        var project = new ReqioProject(Secret, Audience) { Clock = new FixedClock(1_764_000_000), Lifetime = TimeSpan.FromSeconds(90) };
        var user = new ReqioUser("1");

        ReqioIdentityToken minted = ReqioToken.MintWithExpiry(user, project);

        Assert.That(minted.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_764_000_090)));
        Assert.That((long)Jwt.Payload(minted.Token)["exp"]!, Is.EqualTo(minted.ExpiresAt.ToUnixTimeSeconds()));
        Assert.That(minted.Token, Is.EqualTo(ReqioToken.Mint(user, project)));
    }

    [Test]
    public void A_minted_token_does_not_print_its_token()
    {
        var project = new ReqioProject(Secret, Audience) { Clock = new FixedClock(1_764_000_000) };

        ReqioIdentityToken minted = ReqioToken.MintWithExpiry(new ReqioUser("1"), project);

        Assert.That(minted.ToString(), Is.EqualTo($"ReqioIdentityToken {{ ExpiresAt = 2025-11-24T16:05:00.0000000+00:00, Token = ({minted.Token.Length} characters, hidden) }}"));
        Assert.That(minted.ToString(), Does.Not.Contain(minted.Token.Split('.')[1]));
        Assert.That(minted, Is.EqualTo(ReqioToken.MintWithExpiry(new ReqioUser("1"), project)));
        Assert.That(minted, Is.Not.EqualTo(ReqioToken.MintWithExpiry(new ReqioUser("2"), project)));
        Assert.That(default(ReqioIdentityToken).ToString(), Does.Contain("(0 characters, hidden)"));
    }
}
