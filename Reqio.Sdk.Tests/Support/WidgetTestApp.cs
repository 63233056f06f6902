using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReadmeExamples;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// A real Kestrel app on 127.0.0.1 and a free port, as a customer would write it: a server-rendered page with the
/// widget's tag under a nonce-based Content-Security-Policy, the README's SPA token endpoint, and an SPA page that
/// calls <c>window.Reqio.identify</c> and refreshes before <c>exp</c>.
/// </summary>
internal sealed class WidgetTestApp : IAsyncDisposable
{
    public const string ProjectId = "proj_abc123";

    private readonly WebApplication _app;

    private WidgetTestApp(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<WidgetTestApp> StartAsync(ReqioProject reqio)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(reqio);
        builder.Services.AddAuthentication(DemoAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DemoAuthentication>(DemoAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        // Server-rendered: the widget loads for every visitor, with a token for a signed-in user only; the tag carries
        // this response's CSP nonce.
        app.MapGet("/", (HttpContext http, ReqioProject options) =>
        {
            string nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            http.Response.Headers.ContentSecurityPolicy = $"script-src 'nonce-{nonce}'";
            string widget = http.User.Identity?.IsAuthenticated == true
                ? ReqioWidget.ScriptTag(options, ReqioToken.Mint(http.User.ToReqioUser(), options), nonce)
                : ReqioWidget.AnonymousScriptTag(options, nonce);
            return Results.Content($"<!doctype html><html><head><meta charset=\"utf-8\"><title>Reqio</title></head><body><h1>Home</h1>{widget}</body></html>", "text/html");
        });

        // Renders the tag from query values, to show what hostile ones do: refused before any HTML is written.
        app.MapGet("/tag", (string? projectId, string? nonce, HttpContext http, ReqioProject options) =>
        {
            try
            {
                ReqioProject project = projectId is null ? options : ReqioProject.FromProjectId(TestKeys.Secret, projectId);
                string tag = ReqioWidget.ScriptTag(project, ReqioToken.Mint(new ReqioUser("tag-user"), project), nonce);
                return Results.Content($"<!doctype html><html><body>{tag}</body></html>", "text/html");
            }
            catch (ArgumentException e)
            {
                return Results.Content($"refused: {WebUtility.HtmlEncode(e.ParamName)}", "text/plain", statusCode: 400);
            }
        });

        // The single-page app's host page: the server renders the widget's tag from the project (no project id typed
        // into the page), and the guide's script identifies the user with the endpoint's token.
        app.MapGet("/spa", (ReqioProject options) => Results.Content(SpaPage(ReqioWidget.AnonymousScriptTag(options)), "text/html"));
        app.MapReqioToken();   // GET /reqio/token, signed-in users only (401 otherwise)

        await app.StartAsync();
        return new WidgetTestApp(app, app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// The guide's single-page-app script, verbatim (ReadmeSyncTests compares the two): it fetches a token from the
    /// token endpoint, identifies, and refreshes 60 s before exp. The page that loads it renders the widget's tag.
    /// </summary>
    public const string SpaScript = """
        const REFRESH_MARGIN_SECONDS = 60;

        function widgetReady() {
          return new Promise(resolve => {
            (function wait() { window.Reqio ? resolve(window.Reqio) : setTimeout(wait, 50); })();
          });
        }

        async function identifyWithReqio() {
          const response = await fetch('/reqio/token', { credentials: 'same-origin' });
          if (!response.ok) return;                       // not signed in: no token, no identify
          const { token, expiresAt } = await response.json();
          (await widgetReady()).identify(token);
          const secondsLeft = expiresAt - Math.floor(Date.now() / 1000);
          setTimeout(identifyWithReqio, Math.max(1, secondsLeft - REFRESH_MARGIN_SECONDS) * 1000);
        }

        identifyWithReqio();   // call again after the user signs in
        """;

    private static string SpaPage(string widgetTag) =>
        "<!doctype html>\n<html>\n<head><meta charset=\"utf-8\"><title>Reqio SPA</title></head>\n<body>\n<h1>SPA</h1>\n"
        + widgetTag + "\n<script>\n" + SpaScript + "\n</script>\n</body>\n</html>\n";
}
