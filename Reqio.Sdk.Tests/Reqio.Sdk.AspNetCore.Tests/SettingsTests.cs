using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reqio.Sdk.AspNetCore.Tests.Support;

namespace Reqio.Sdk.AspNetCore.Tests;

/// <summary>
/// AddReqio(): the settings come from the Reqio section or the flat REQIO_* names, are checked when the app starts
/// with the core's one message, follow a reload, and a refused reload keeps the last good settings with an error log.
/// </summary>
public sealed class SettingsTests
{
    private static readonly string s_signedIn = HeaderAuthentication.Claims(("sub", "user_1"));

    [Test]
    public async Task The_Reqio_section_is_enough()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);
    }

    [Test]
    public async Task The_flat_REQIO_names_are_enough()
    {
        using var app = new ReqioAppFactory(Settings.Flat());
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);
    }

    [Test]
    public async Task The_audience_alone_names_the_project()
    {
        using var app = new ReqioAppFactory(new() { ["Reqio:Secret"] = Settings.Secret, ["Reqio:Audience"] = ReqioProject.ProjectAudiencePrefix + Settings.ProjectId });
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);
    }

    [Test]
    public async Task The_same_value_under_both_names_is_not_a_disagreement()
    {
        var settings = Settings.InSection();
        settings["REQIO_SECRET"] = Settings.Secret;
        using var app = new ReqioAppFactory(settings);
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);
    }

    [Test]
    public void Missing_settings_stop_the_app_at_start_naming_each()
    {
        using var app = new ReqioAppFactory(new());
        string message = StartFailure(app);
        Assert.That(message, Does.Contain("REQIO_SECRET and REQIO_PROJECT_ID (or REQIO_AUDIENCE) are not set"));
        Assert.That(message, Does.Contain("Reqio:Secret"), "the message says where AddReqio looked");
    }

    [Test]
    public void Every_refused_setting_is_named_in_one_message_without_the_secret()
    {
        using var app = new ReqioAppFactory(Settings.InSection(secret: "your_secret_here_your_secret_here_", projectId: "proj/42"));
        string message = StartFailure(app);
        Assert.That(message, Does.Contain("The setting Reqio:Secret (or REQIO_SECRET) is not valid").And.Contain("placeholder"));
        Assert.That(message, Does.Contain("The setting Reqio:ProjectId (or REQIO_PROJECT_ID) is not valid"));
        Assert.That(message, Does.Not.Contain("your_secret_here"));
    }

    [Test]
    public void A_setting_under_both_names_with_different_values_stops_the_app_naming_both_and_neither_value()
    {
        var settings = Settings.InSection();
        settings["REQIO_SECRET"] = Settings.RotatedSecret;
        using var app = new ReqioAppFactory(settings);
        string message = StartFailure(app);
        Assert.That(message, Does.Contain("Reqio:Secret and REQIO_SECRET are both set and differ"));
        Assert.That(message, Does.Not.Contain(Settings.Secret).And.Not.Contain(Settings.RotatedSecret));
    }

    [Test]
    public void A_disagreement_and_a_refused_setting_come_in_the_same_message()
    {
        var settings = Settings.InSection(projectId: "proj/42");
        settings["REQIO_SECRET"] = Settings.RotatedSecret;
        using var app = new ReqioAppFactory(settings);
        string message = StartFailure(app);
        Assert.That(message, Does.Contain("Reqio:Secret and REQIO_SECRET").And.Contain("The setting Reqio:ProjectId (or REQIO_PROJECT_ID) is not valid"));
    }

    [Test]
    public void An_audience_that_names_no_project_stops_the_app_since_the_tag_needs_one()
    {
        using var app = new ReqioAppFactory(new() { ["Reqio:Secret"] = Settings.Secret, ["Reqio:Audience"] = "https://staging.example.com/reqio" });
        Assert.That(StartFailure(app), Does.Contain("REQIO_PROJECT_ID"));
    }

    [Test]
    public async Task A_reload_with_a_rotated_secret_reaches_the_next_token()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);

        app.Configuration["Reqio:Secret"] = Settings.RotatedSecret;
        app.Configuration.Reload();

        Assert.That(await TokenSignedWith(app, Settings.RotatedSecret), Is.True);
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.False);
    }

    [Test]
    public async Task A_refused_reload_keeps_the_last_good_settings_and_logs_an_error_naming_the_setting()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);

        const string TooShort = "short-secret";
        app.Configuration["Reqio:Secret"] = TooShort;
        app.Configuration.Reload();

        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True, "the last good secret still signs");
        var errors = app.Logs.Reqio.Where(l => l.Level == LogLevel.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.Contain("The setting Reqio:Secret (or REQIO_SECRET) is not valid").And.Contain("at least 32 bytes"));
        Assert.That(errors[0].Message, Does.Not.Contain(TooShort).And.Not.Contain(Settings.Secret));
    }

    [Test]
    public async Task A_reload_refused_before_the_first_request_leaves_the_project_built_at_start()
    {
        using var app = new ReqioAppFactory(Settings.InSection());
        _ = app.Server;   // started: the pipeline is built, and with it the project
        app.Configuration["Reqio:Secret"] = "short-secret";
        app.Configuration.Reload();

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage page = await client.GetAsync("/Widget");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an anonymous visitor never meets a settings error");
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True, "the settings checked at start still sign");
    }

    [Test]
    public async Task Options_in_code_are_enough_and_the_configuration_is_not_read()
    {
        using var app = new ReqioAppFactory(
            Settings.InSection(secret: Settings.RotatedSecret),
            services: s => s.AddReqio(o => { o.Secret = Settings.Secret; o.ProjectId = Settings.ProjectId; }));
        Assert.That(await TokenSignedWith(app, Settings.Secret), Is.True);
    }

    [Test]
    public void Bad_options_in_code_stop_the_app_at_start_with_the_core_message()
    {
        using var app = new ReqioAppFactory(new(), services: s => s.AddReqio(o => o.ProjectId = Settings.ProjectId));
        string message = StartFailure(app);
        Assert.That(message, Does.Contain("REQIO_SECRET is not set").And.Contain("ReqioOptions.Secret = REQIO_SECRET"));
    }

    [Test]
    public void The_options_never_show_the_secret()
    {
        var options = new ReqioOptions { Secret = Settings.Secret, ProjectId = Settings.ProjectId };
        Assert.That(options.ToString(), Does.Contain(Settings.ProjectId).And.Not.Contain(Settings.Secret));
    }

    /// <summary>Whether the endpoint hands a signed-in user a token that <paramref name="secret"/> verifies.</summary>
    private static async Task<bool> TokenSignedWith(ReqioAppFactory app, string secret)
    {
        using HttpClient client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reqio/token");
        request.Headers.Add(HeaderAuthentication.Header, s_signedIn);
        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return await Tokens.VerifyAsync(body.GetProperty("token").GetString()!, secret) is not null;
    }

    /// <summary>The message the app stops with when it starts.</summary>
    private static string StartFailure(ReqioAppFactory app)
    {
        var e = Assert.Catch(() => app.CreateClient());
        Assert.That(e, Is.InstanceOf<OptionsValidationException>(), e!.ToString());
        return e.Message;
    }
}
