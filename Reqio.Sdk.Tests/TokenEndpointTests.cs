using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reqio.Sdk.Tests.AspNetCoreExamples;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's "Check tokens in your own tests": the token endpoint of a real Kestrel app (the README's
/// MapReqioToken, behind a test sign-in) called over HTTP, and its token verified with Microsoft.IdentityModel as a
/// user's own test would.
/// </summary>
[NonParallelizable]
public sealed class TokenEndpointTests
{
    private WidgetTestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await WidgetTestApp.StartAsync(new ReqioOptions(Secret, Audience));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task The_token_endpoint_returns_a_token_Reqio_accepts()
    {
        using HttpClient client = SignedInClient("user-42");
        string secret = Secret;

        // snippet: check-tokens-in-your-tests
        var response = await client.GetFromJsonAsync<ReqioTokenResponse>("/api/reqio-token");
        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(response!.Token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),   // REQIO_SECRET's UTF-8 bytes
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidAudience = "https://reqio.app/p/proj_abc123",
            ValidateIssuer = false,                                  // Reqio's tokens carry no iss
            ClockSkew = TimeSpan.Zero,                               // exp is exact: iat + 300 s
        });

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(result.Claims["sub"], Is.EqualTo("user-42"));
        Assert.That(response.ExpiresAt - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Is.InRange(295, 300));
        // end snippet
    }

    [Test]
    public async Task The_check_fails_for_a_token_signed_with_another_secret()
    {
        using HttpClient client = SignedInClient("user-42");
        var response = await client.GetFromJsonAsync<ReqioTokenResponse>("/api/reqio-token");

        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(response!.Token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret + "x")),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidAudience = Audience,
            ValidateIssuer = false,
        });

        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public async Task Without_a_signed_in_user_the_endpoint_answers_401()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_app.Address) };

        HttpResponseMessage response = await client.GetAsync(new Uri("/api/reqio-token", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private HttpClient SignedInClient(string userId)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Address) };
        client.DefaultRequestHeaders.Add("Cookie", $"{DemoAuthentication.Cookie}={DemoAuthentication.CookieValue(userId)}");
        return client;
    }
}
