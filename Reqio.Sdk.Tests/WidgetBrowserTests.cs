#if REQIO_NET8
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// From token to widget in a real browser: Debian's headless Chromium, driven by Playwright, loads pages from a
/// real Kestrel app (<see cref="WidgetTestApp"/>). <c>https://reqio.app/widget.js</c> is answered by a local
/// stand-in that records the <c>data-identity-token</c> it sees and each <c>Reqio.identify</c> call. Runs in the
/// net8.0 run only. A missing Chromium fails, it is never skipped.
/// </summary>
[NonParallelizable]
[Category(Needs.Chromium)]
public sealed class WidgetBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    // The stand-in widget: records what the page gave it, and offers identify().
    private const string StandInWidget = """
        (function () {
          const seen = window.__reqio = window.__reqio || { tags: [], identified: [] };
          const script = document.currentScript;
          seen.tags.push({ projectId: script.dataset.projectId, token: script.dataset.identityToken || null, nonce: script.nonce || null });
          window.Reqio = { identify(token) { seen.identified.push(token); } };
        })();
        """;

    private WidgetTestApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        }

        // 62 s tokens, refreshed 60 s before exp: the SPA test sees a refresh within seconds.
        _app = await WidgetTestApp.StartAsync(new ReqioProject(Secret, Audience) { Lifetime = TimeSpan.FromSeconds(62) });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAppAndBrowser()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task The_server_rendered_page_hands_the_signed_in_users_token_to_the_widget()
    {
        await using Browsing browsing = await OpenAsync(signedInAs: "ada");

        IResponse? response = await browsing.Page.GotoAsync(_app.Address + "/");
        await browsing.Page.WaitForFunctionAsync("() => window.__reqio && window.__reqio.tags.length === 1");

        Assert.That(response!.Status, Is.EqualTo(200));
        string token = await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].token");
        Assert.That(await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].projectId"), Is.EqualTo(WidgetTestApp.ProjectId));
        // The page's Content-Security-Policy only lets scripts with its nonce run: the tag carried it.
        Assert.That(await browsing.Page.EvaluateAsync<string?>("() => window.__reqio.tags[0].nonce"), Is.Not.Null.And.Not.Empty);
        AssertIdentifies(token, "ada");
        Assert.That(browsing.Dialogs, Is.Empty);
    }

    [Test]
    public async Task A_visitor_who_is_not_signed_in_gets_the_widget_without_a_token()
    {
        await using Browsing browsing = await OpenAsync(signedInAs: null);

        await browsing.Page.GotoAsync(_app.Address + "/");
        await browsing.Page.WaitForFunctionAsync("() => window.__reqio && window.__reqio.tags.length === 1");
        IAPIResponse endpoint = await browsing.Page.APIRequest.GetAsync(_app.Address + "/reqio/token");

        Assert.That(await browsing.Page.EvaluateAsync<string?>("() => window.__reqio.tags[0].token"), Is.Null);
        Assert.That(await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].projectId"), Is.EqualTo(WidgetTestApp.ProjectId));
        Assert.That(await browsing.Page.EvaluateAsync<string?>("() => window.__reqio.tags[0].nonce"), Is.Not.Null.And.Not.Empty,
            "the page's CSP lets the anonymous tag run only with its nonce");
        Assert.That(endpoint.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_visitor_who_signs_in_gets_the_anonymous_tag_then_a_token_under_each_pages_nonce()
    {
        await using Browsing browsing = await OpenAsync(signedInAs: null);

        await browsing.Page.GotoAsync(_app.Address + "/");
        await browsing.Page.WaitForFunctionAsync("() => window.__reqio && window.__reqio.tags.length === 1");
        string? anonymousToken = await browsing.Page.EvaluateAsync<string?>("() => window.__reqio.tags[0].token");
        string firstNonce = await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].nonce");

        // The same browser signs in (the demo sign-in's cookie) and loads the page again.
        await browsing.SignInAsync(_app.Address, "ada");
        await browsing.Page.ReloadAsync();
        await browsing.Page.WaitForFunctionAsync("() => window.__reqio && window.__reqio.tags.length === 1");

        Assert.That(anonymousToken, Is.Null, "before sign-in the widget loads without a token");
        AssertIdentifies(await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].token"), "ada");
        string secondNonce = await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].nonce");
        Assert.That(secondNonce, Is.Not.Empty.And.Not.EqualTo(firstNonce), "each response has its own CSP nonce, and the tag carries it");
        Assert.That(browsing.Dialogs, Is.Empty);
    }

    [Test]
    public async Task The_SPA_fetches_a_token_identifies_and_refreshes_before_exp()
    {
        await using Browsing browsing = await OpenAsync(signedInAs: "grace");

        await browsing.Page.GotoAsync(_app.Address + "/spa");
        await browsing.Page.WaitForFunctionAsync("() => window.__reqio && window.__reqio.identified.length >= 2",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        string first = await browsing.Page.EvaluateAsync<string>("() => window.__reqio.identified[0]");
        string second = await browsing.Page.EvaluateAsync<string>("() => window.__reqio.identified[1]");
        AssertIdentifies(first, "grace");
        AssertIdentifies(second, "grace");
        Assert.That(await browsing.Page.EvaluateAsync<string?>("() => window.__reqio.tags[0].token"), Is.Null,
            "an SPA's tag carries no token; identify() does");
        Assert.That((long)Jwt.Payload(second)["iat"]!, Is.GreaterThanOrEqualTo((long)Jwt.Payload(first)["iat"]!));
    }

    public static IEnumerable<TestCaseData> HostileTagValues()
    {
        yield return new TestCaseData("projectId", "p\"><script>alert(1)</script>").SetName("a project id that closes its attribute");
        yield return new TestCaseData("projectId", "p' onload='alert(1)").SetName("a project id with a single-quoted handler");
        yield return new TestCaseData("nonce", "abc\" onload=\"alert(1)").SetName("a nonce with quotes");
        yield return new TestCaseData("nonce", "\"><script>alert(1)</script>").SetName("a nonce that opens a script");
    }

    [TestCaseSource(nameof(HostileTagValues))]
    public async Task A_hostile_tag_value_is_refused_before_any_html_and_runs_nothing(string parameter, string value)
    {
        await using Browsing browsing = await OpenAsync(signedInAs: null);

        IResponse? response = await browsing.Page.GotoAsync($"{_app.Address}/tag?{parameter}={Uri.EscapeDataString(value)}");

        Assert.That(response!.Status, Is.EqualTo(400));
        Assert.That(await response.TextAsync(), Is.EqualTo($"refused: {parameter}"));
        Assert.That(await browsing.Page.EvaluateAsync<bool>("() => window.__reqio === undefined"), Is.True);
        Assert.That(browsing.Dialogs, Is.Empty);
    }

    [Test]
    public async Task A_hostile_user_id_stays_inside_the_token_and_runs_nothing()
    {
        const string Hostile = "\"><script>window.__xss = 1; alert(1)</script><img src=x onerror=\"window.__xss = 2\">";
        await using Browsing browsing = await OpenAsync(signedInAs: Hostile);

        await browsing.Page.GotoAsync(_app.Address + "/");
        await browsing.Page.WaitForFunctionAsync("() => window.__reqio && window.__reqio.tags.length === 1");

        AssertIdentifies(await browsing.Page.EvaluateAsync<string>("() => window.__reqio.tags[0].token"), Hostile);
        Assert.That(await browsing.Page.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True);
        Assert.That(await browsing.Page.EvaluateAsync<int>("() => document.scripts.length"), Is.EqualTo(1));
        Assert.That(browsing.Dialogs, Is.Empty);
    }

    private static void AssertIdentifies(string token, string userId)
    {
        var payload = IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.UtcNow);
        Assert.That((string?)payload["sub"], Is.EqualTo(userId));
        Assert.That((string?)payload["aud"], Is.EqualTo(Audience));
    }

    private async Task<Browsing> OpenAsync(string? signedInAs)
    {
        IBrowserContext context = await _browser.NewContextAsync();

        // The real widget is not reachable from here (and must not be): the stand-in answers for it.
        await context.RouteAsync(ReqioWidget.ScriptUrl, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript",
            Body = StandInWidget,
        }));
        IPage page = await context.NewPageAsync();
        var browsing = new Browsing(context, page);
        if (signedInAs is not null)
        {
            await browsing.SignInAsync(_app.Address, signedInAs);
        }

        page.Dialog += (_, dialog) =>
        {
            browsing.Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        return browsing;
    }

    private sealed class Browsing(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        /// <summary>Signs the browser in as <paramref name="userId"/>: the demo sign-in's cookie, from now on.</summary>
        public Task SignInAsync(string address, string userId) => context.AddCookiesAsync(
        [
            new Cookie { Name = DemoAuthentication.Cookie, Value = DemoAuthentication.CookieValue(userId), Url = address },
        ]);

        public List<string> Dialogs { get; } = [];

        public ValueTask DisposeAsync() => new(context.CloseAsync());
    }
}
#endif
