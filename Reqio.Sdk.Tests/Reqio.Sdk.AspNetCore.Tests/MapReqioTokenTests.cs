using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reqio.Sdk.AspNetCore.Tests.Support;

namespace Reqio.Sdk.AspNetCore.Tests;

/// <summary>
/// MapReqioToken(): a token for the signed-in user, 401 for an anonymous caller whatever the app's challenge, a
/// problem response for a user Reqio cannot identify, never cached, no CORS headers, policy left to the app.
/// </summary>
public sealed class MapReqioTokenTests
{
    [Test]
    public async Task A_signed_in_user_gets_a_token_for_their_claims_with_its_expiry_and_the_project_never_cached()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token", ("sub", "user_8f3a2c"), ("email", "ada@example.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = await Tokens.VerifyAsync(body.GetProperty("token").GetString()!, Settings.Secret);
        Assert.That(token, Is.Not.Null, "the token verifies with the project's secret and audience");
        Assert.That(token!.Subject, Is.EqualTo("user_8f3a2c"));
        Assert.That(token.GetClaim("email").Value, Is.EqualTo("ada@example.com"));
        Assert.That(body.GetProperty("expiresAt").GetInt64(), Is.EqualTo(token.GetPayloadValue<long>("exp")));
        Assert.That(body.GetProperty("projectId").GetString(), Is.EqualTo(Settings.ProjectId));
    }

    [Test]
    public async Task The_NameIdentifier_and_Email_claims_serve_when_sub_and_email_are_absent()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token", (ClaimTypes.NameIdentifier, "user_2"), (ClaimTypes.Email, "bo@example.com"));
        var token = await Tokens.VerifyAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!, Settings.Secret);
        Assert.That(token!.Subject, Is.EqualTo("user_2"));
        Assert.That(token.GetClaim("email").Value, Is.EqualTo("bo@example.com"));
    }

    [Test]
    public async Task An_anonymous_caller_gets_401_not_the_apps_sign_in_redirect_and_no_token()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task A_chained_RequireAuthorization_hands_an_anonymous_caller_to_the_apps_challenge()
    {
        using var app = new ReqioAppFactory(Settings.InSection(), endpoints: e => e.MapReqioToken().RequireAuthorization());
        using HttpResponseMessage response = await Get(app, "/reqio/token");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the cookie sign-in's challenge");
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/sign-in"));
    }

    [Test]
    public async Task A_signed_in_user_without_an_id_claim_gets_a_problem_and_the_log_says_why()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token", ("email", "ada@example.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("token\""));
        Assert.That(app.Logs.Reqio.Select(l => l.Message), Has.Some.Contains("found no id"));
    }

    [Test]
    public async Task A_signed_in_user_the_rules_refuse_gets_a_problem_and_the_log_names_the_rule_not_the_value()
    {
        string id = "user_" + new string('x', ReqioUser.MaxIdLength);
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token", ("sub", id), ("email", "ada@example.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        string line = app.Logs.Reqio.Single(l => l.Level == LogLevel.Warning).Message;
        Assert.That(line, Does.Contain("id was refused").And.Contain("at most 256 characters"));
        Assert.That(line, Does.Not.Contain(id));
    }

    [Test]
    public async Task An_email_claim_the_rules_refuse_is_left_out_and_the_user_keeps_their_token()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token", ("sub", "user_3"), ("email", "not-an-address"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = await Tokens.VerifyAsync(body.GetProperty("token").GetString()!, Settings.Secret);
        Assert.That(token!.Subject, Is.EqualTo("user_3"));
        Assert.That(token.TryGetClaim("email", out _), Is.False);
        string line = app.Logs.Reqio.Single(l => l.Level == LogLevel.Warning).Message;
        Assert.That(line, Does.Contain("email claim was left out").And.Contain("'@'"));
        Assert.That(line, Does.Not.Contain("not-an-address"));
    }

    [Test]
    public async Task An_apps_own_resolver_replaces_the_claims_and_may_look_traits_up_asynchronously()
    {
        using var app = new ReqioAppFactory(Settings.InSection(), services: s => s.AddReqio().AddScoped<IReqioUserResolver, EntraResolver>());
        using HttpResponseMessage response = await Get(app, "/reqio/token", ("sub", "per-app-id"), ("oid", "stable-oid"));

        var token = await Tokens.VerifyAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!, Settings.Secret);
        Assert.That(token!.Subject, Is.EqualTo("stable-oid"));
        Assert.That(token.GetClaim("traits").Value, Does.Contain("\"plan\":\"pro\""));
    }

    [Test]
    public async Task The_path_is_the_apps_to_choose()
    {
        using var app = new ReqioAppFactory(Settings.InSection(), endpoints: e => e.MapReqioToken("/api/widget-token"));
        using HttpResponseMessage moved = await Get(app, "/api/widget-token", ("sub", "user_4"));
        using HttpResponseMessage old = await Get(app, "/reqio/token", ("sub", "user_4"));
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_endpoint_adds_no_CORS_headers_of_its_own()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpClient client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reqio/token");
        request.Headers.Add("Origin", "https://elsewhere.example");
        request.Headers.Add(HeaderAuthentication.Header, HeaderAuthentication.Claims(("sub", "user_5")));
        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Select(h => h.Key), Has.None.StartsWith("Access-Control-"));
    }

    [Test]
    public async Task Each_call_mints_a_fresh_token_from_the_current_clock()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        using HttpResponseMessage response = await Get(app, "/reqio/token", ("sub", "user_6"));
        var token = await Tokens.VerifyAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!, Settings.Secret);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.That(token!.GetPayloadValue<long>("iat"), Is.InRange(now - 5, now + 1));
    }

    internal static async Task<HttpResponseMessage> Get(ReqioAppFactory app, string path, params (string Type, string Value)[] claims)
    {
        HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (claims.Length > 0)
        {
            request.Headers.Add(HeaderAuthentication.Header, HeaderAuthentication.Claims(claims));
        }

        return await client.SendAsync(request);
    }

    /// <summary>An app's resolver: Microsoft Entra's stable <c>oid</c>, and a plan looked up asynchronously.</summary>
    private sealed class EntraResolver : IReqioUserResolver
    {
        public async ValueTask<ReqioUser?> ResolveAsync(HttpContext context)
        {
            await Task.Yield();
            string? id = context.User.FindFirst("oid")?.Value;
            return id is null ? null : new ReqioUser(id, traits: ReqioTraits.Monthly("pro", 4900));
        }
    }
}
