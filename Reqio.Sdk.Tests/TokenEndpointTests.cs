using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReadmeExamples;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// docs/testing.md's "Check tokens in your own tests": the token endpoint of a real Kestrel app (docs/advanced.md's
/// MapReqioToken without the companion, at the companion's path, behind a test sign-in) called over HTTP, and its
/// token checked with the guide's <see cref="ReqioTokenCheck"/> as a user's own test would. The recipes' wiring, with
/// the companion and the development sign-in, is Reqio.Sdk.AspNetCore.Tests' GuideTests.
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
        ReqioTokenResponse response = await client.GetFromJsonAsync<ReqioTokenResponse>("/reqio/token")
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
        ReqioTokenResponse response = await client.GetFromJsonAsync<ReqioTokenResponse>("/reqio/token")
            ?? throw new AssertionException("The token endpoint returned no body.");

        Assert.ThrowsAsync<SecurityTokenValidationException>(() => ReqioTokenCheck.ValidateAsync(response.Token, Secret + "x", Audience));
        Assert.ThrowsAsync<SecurityTokenValidationException>(() => ReqioTokenCheck.ValidateAsync(response.Token, Secret, "https://reqio.app/p/proj_other"));
    }

    [Test]
    public async Task Without_a_signed_in_user_the_endpoint_answers_401()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_app.Address) };

        HttpResponseMessage response = await client.GetAsync(new Uri("/reqio/token", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private HttpClient SignedInClient(string userId)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Address) };
        client.DefaultRequestHeaders.Add("Cookie", $"{DemoAuthentication.Cookie}={DemoAuthentication.CookieValue(userId)}");
        return client;
    }
}
