using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reqio.Sdk.AspNetCore.Tests.Examples;
using Reqio.Sdk.AspNetCore.Tests.Support;

namespace Reqio.Sdk.AspNetCore.Tests;

/// <summary>
/// The guide's lines for an ASP.NET Core app (README.md's regions below), wired as the recipes wire them with the
/// guide's development sign-in (docs/development-sign-in.md, Examples/DevelopmentSignIn.cs) on a real Kestrel app:
/// an anonymous caller gets 401, the development sign-in's cookie gets that user's token, and outside Development
/// there is no sign-in address at all.
/// </summary>
[NonParallelizable]
public sealed class GuideTests
{
    [Test]
    public async Task Wired_as_the_recipes_wire_it_an_anonymous_caller_gets_401_and_the_development_sign_in_gets_a_token()
    {
        await using WebApplication app = await StartRecipeAppAsync(Environments.Development);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.Single()) };
        var endpoint = new Uri("/reqio/token", UriKind.Relative);

        using HttpResponseMessage anonymous = await client.GetAsync(endpoint);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using HttpResponseMessage signIn = await client.GetAsync(new Uri("/dev/sign-in?id=user-7&email=ada%40example.com", UriKind.Relative));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        JsonElement body = await client.GetFromJsonAsync<JsonElement>(endpoint);

        var token = await Tokens.VerifyAsync(body.GetProperty("token").GetString() ?? "", Settings.Secret);
        Assert.That(token, Is.Not.Null, "the token verifies with the project's secret and audience");
        Assert.That(token!.Subject, Is.EqualTo("user-7"));
        Assert.That(token.GetClaim("email").Value, Is.EqualTo("ada@example.com"));
        Assert.That(body.GetProperty("expiresAt").GetInt64(), Is.EqualTo(token.GetPayloadValue<long>("exp")));
        await app.StopAsync();
    }

    [Test]
    public async Task Outside_Development_the_development_sign_in_maps_nothing()
    {
        await using WebApplication app = await StartRecipeAppAsync(Environments.Production);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using HttpResponseMessage signIn = await client.GetAsync(new Uri("/dev/sign-in?id=user-7", UriKind.Relative));

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await app.StopAsync();
    }

    /// <summary>An app as a recipe makes it: the two settings in the <c>Reqio</c> section, the guide's lines, the development sign-in.</summary>
    private static async Task<WebApplication> StartRecipeAppAsync(string environment)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings.InSection()));
        // snippet: add-reqio
        builder.Services.AddReqio();   // Reqio:Secret and Reqio:ProjectId from the configuration, checked at start
        // end snippet
        builder.Services.AddDevelopmentSignIn();
        WebApplication app = builder.Build();
        app.MapDevelopmentSignIn();
        // snippet: map-reqio-token
        app.MapReqioToken();           // GET /reqio/token: { token, expiresAt, projectId } for the signed-in user
        // end snippet
        await app.StartAsync();
        return app;
    }
}
