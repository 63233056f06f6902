using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reqio.Sdk.AspNetCore.Tests.Support;

namespace Reqio.Sdk.AspNetCore.Tests;

/// <summary>
/// &lt;reqio-widget /&gt; on a Razor page (Pages/Widget.cshtml): the tag for everyone, a token for the signed-in user,
/// the nonce from the attribute or the resolver, a page with a token not cacheable, a refused user never an error.
/// </summary>
public sealed class TagHelperTests
{
    private static readonly ReqioProject s_project = ReqioProject.FromProjectId(Settings.Secret, Settings.ProjectId);

    [Test]
    public async Task An_anonymous_visitor_gets_the_anonymous_tag_and_a_page_that_may_be_cached()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await MapReqioTokenTests.Get(app, "/Widget?nonce=abc123");
        string html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain(ReqioWidget.AnonymousScriptTag(s_project, "abc123")));
        Assert.That(html, Does.Not.Contain("reqio-widget"), "the element is replaced");
        Assert.That(response.Headers.CacheControl?.NoStore ?? false, Is.False);
    }

    [Test]
    public async Task A_signed_in_user_gets_a_fresh_token_in_the_tag_and_the_page_is_marked_no_store_private()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await MapReqioTokenTests.Get(app, "/Widget?nonce=abc123", ("sub", "user_7"));
        string html = await response.Content.ReadAsStringAsync();

        string? token = Tokens.InTag(html);
        Assert.That(token, Is.Not.Null);
        Assert.That((await Tokens.VerifyAsync(token!, Settings.Secret))?.Subject, Is.EqualTo("user_7"));
        Assert.That(html, Does.Contain(ReqioWidget.ScriptTag(s_project, token!, "abc123")));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Headers.CacheControl?.Private, Is.True);
    }

    [Test]
    public async Task Without_the_attribute_the_apps_nonce_resolver_gives_the_nonce()
    {
        using var app = new ReqioAppFactory(Settings.InSection(),
            services: s => s.AddReqio().Configure<ReqioOptions>(o => o.NonceResolver = c => c.Request.Headers["X-Nonce"].ToString()));
        using HttpClient client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Widget");
        request.Headers.Add("X-Nonce", "per-request-nonce");
        string html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain(ReqioWidget.AnonymousScriptTag(s_project, "per-request-nonce")));
    }

    [TestCase("", false)]
    [TestCase("not a nonce\"", true)]
    public async Task A_resolver_with_no_nonce_or_a_refused_one_leaves_the_nonce_out_and_the_page_renders(string resolved, bool logged)
    {
        using var app = new ReqioAppFactory(Settings.InSection(),
            services: s => s.AddReqio().Configure<ReqioOptions>(o => o.NonceResolver = _ => resolved));
        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync("/Widget");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(ReqioWidget.AnonymousScriptTag(s_project)));
        Assert.That(app.Logs.Reqio.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message),
            logged ? Has.One.Contains("without the nonce the app's NonceResolver returned") : Is.Empty);
    }

    [Test]
    public async Task A_user_the_rules_refuse_gets_the_anonymous_tag_and_the_page_still_renders()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await MapReqioTokenTests.Get(app, "/Widget", ("sub", new string('x', ReqioUser.MaxIdLength + 1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(ReqioWidget.AnonymousScriptTag(s_project)));
        Assert.That(app.Logs.Reqio.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message), Has.One.Contains("id was refused"));
    }
}
