using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReadmeExamples;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's "Check tokens in your own tests": the token endpoint of a real Kestrel app (the README's
/// MapReqioToken, behind a test sign-in) called over HTTP, and its token checked with the README's
/// <see cref="ReqioTokenCheck"/> as a user's own test would.
/// And wired exactly as the recipes wire it (<c>AddReqio</c> from configuration, <c>AddCookieSignIn</c>), where an
/// anonymous request gets 401.
/// </summary>
[NonParallelizable]
public sealed class TokenEndpointTests
{
    private WidgetTestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await WidgetTestApp.StartAsync(new ReqioProject(Secret, Audience));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task The_token_endpoint_returns_a_token_Reqio_accepts()
    {
        using HttpClient client = SignedInClient("user-42");
        string secret = Secret;

        // snippet: check-tokens-in-your-tests
        ReqioTokenResponse response = await client.GetFromJsonAsync<ReqioTokenResponse>("/api/reqio-token")
            ?? throw new AssertionException("The token endpoint returned no body.");
        JsonWebToken token = await ReqioTokenCheck.ValidateAsync(response.Token, secret, "https://reqio.app/p/proj_abc123");

        Assert.That(token.Subject, Is.EqualTo("user-42"));
        Assert.That(response.ExpiresAt, Is.EqualTo(token.GetPayloadValue<long>("exp")));
        // end snippet
    }

    [Test]
    public async Task The_check_refuses_the_endpoint_s_token_for_another_secret_or_project()
    {
        using HttpClient client = SignedInClient("user-42");
        ReqioTokenResponse response = await client.GetFromJsonAsync<ReqioTokenResponse>("/api/reqio-token")
            ?? throw new AssertionException("The token endpoint returned no body.");

        Assert.ThrowsAsync<SecurityTokenValidationException>(() => ReqioTokenCheck.ValidateAsync(response.Token, Secret + "x", Audience));
        Assert.ThrowsAsync<SecurityTokenValidationException>(() => ReqioTokenCheck.ValidateAsync(response.Token, Secret, "https://reqio.app/p/proj_other"));
    }

    [Test]
    public async Task Without_a_signed_in_user_the_endpoint_answers_401()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_app.Address) };

        HttpResponseMessage response = await client.GetAsync(new Uri("/api/reqio-token", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Wired_as_the_recipes_wire_it_an_anonymous_request_gets_401_and_the_development_sign_in_gets_a_token()
    {
        await using WebApplication app = await StartRecipeAppAsync(Environments.Development);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.Single()) };
        var endpoint = new Uri("/api/reqio-token", UriKind.Relative);

        using HttpResponseMessage anonymous = await client.GetAsync(endpoint);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using HttpResponseMessage signIn = await client.GetAsync(new Uri("/dev/sign-in?id=user-7&email=ada%40example.com", UriKind.Relative));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var response = await client.GetFromJsonAsync<ReqioTokenResponse>(endpoint);

        var payload = IdentityModelVerifier.Verify(response!.Token, Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.UtcNow);
        Assert.That((string?)payload["sub"], Is.EqualTo("user-7"));
        Assert.That((string?)payload["email"], Is.EqualTo("ada@example.com"));
        Assert.That(response.ExpiresAt, Is.EqualTo((long)payload["exp"]!));
        await app.StopAsync();
    }

    [Test]
    public async Task Outside_Development_the_recipes_have_no_sign_in_address()
    {
        await using WebApplication app = await StartRecipeAppAsync(Environments.Production);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using HttpResponseMessage signIn = await client.GetAsync(new Uri("/dev/sign-in?id=user-7", UriKind.Relative));

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await app.StopAsync();
    }

    /// <summary>An app wired as the recipes wire it: options from configuration, the cookie sign-in, the token endpoint.</summary>
    private static async Task<WebApplication> StartRecipeAppAsync(string environment)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });
        builder.Services.AddReqio(builder.Configuration);
        builder.Services.AddCookieSignIn();
        WebApplication app = builder.Build();
        app.MapDevelopmentSignIn();
        app.MapReqioToken();
        await app.StartAsync();
        return app;
    }

    private HttpClient SignedInClient(string userId)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Address) };
        client.DefaultRequestHeaders.Add("Cookie", $"{DemoAuthentication.Cookie}={DemoAuthentication.CookieValue(userId)}");
        return client;
    }
}
