using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reqio.Sdk.AspNetCore.Tests.Support;
using Widget = Reqio.Sdk.AspNetCore.Components.ReqioWidget;

namespace Reqio.Sdk.AspNetCore.Tests;

/// <summary>
/// &lt;ReqioWidget /&gt; under bUnit: rendered with the request Blazor cascades in static and prerendered rendering,
/// the tag for everyone and a token for the signed-in user; interactively (no request) nothing.
/// </summary>
public sealed class ComponentTests
{
    private static readonly ReqioProject s_project = ReqioProject.FromProjectId(Settings.Secret, Settings.ProjectId);

    [Test]
    public void An_anonymous_visitor_gets_the_anonymous_tag_with_the_nonce()
    {
        using var bunit = NewContext(out ServiceProvider services);
        var http = new DefaultHttpContext { RequestServices = services };
        var widget = bunit.Render<Widget>(p => p.Add(w => w.Nonce, "n0nce").AddCascadingValue(http));
        Assert.That(widget.Markup, Is.EqualTo(ReqioWidget.AnonymousScriptTag(s_project, "n0nce")));
    }

    [Test]
    public void A_signed_in_user_gets_a_token_and_the_response_is_marked_no_store_private()
    {
        using var bunit = NewContext(out ServiceProvider services);
        var http = new DefaultHttpContext
        {
            RequestServices = services.CreateScope().ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user_9")], "test")),
        };
        var widget = bunit.Render<Widget>(p => p.AddCascadingValue(http));

        string? token = Tokens.InTag(widget.Markup);
        Assert.That(token, Is.Not.Null);
        Assert.That(widget.Markup, Is.EqualTo(ReqioWidget.ScriptTag(s_project, token!)));
        Assert.That(Tokens.VerifyAsync(token!, Settings.Secret).Result?.Subject, Is.EqualTo("user_9"));
        Assert.That(http.Response.Headers.CacheControl.ToString(), Is.EqualTo("no-store, private"));
    }

    [Test]
    public void Rendered_interactively_without_a_request_it_renders_nothing()
    {
        using var bunit = NewContext(out _);
        Assert.That(bunit.Render<Widget>().Markup, Is.Empty);
    }

    /// <summary>A bUnit context with Reqio's services, and the same services as the request's.</summary>
    private static BunitContext NewContext(out ServiceProvider services)
    {
        var collection = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddReqio(o => { o.Secret = Settings.Secret; o.ProjectId = Settings.ProjectId; });
        services = collection.BuildServiceProvider();
        var bunit = new BunitContext();
        bunit.Services.AddReqio(o => { o.Secret = Settings.Secret; o.ProjectId = Settings.ProjectId; });
        return bunit;
    }
}
