using System.Collections.Generic;
using System.Linq;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>Where a test's settings come from.</summary>
public enum SettingsSource
{
    /// <summary>Process environment variables, read by <c>ReqioProject.FromEnvironment()</c>.</summary>
    ProcessEnvironment,

    /// <summary>A dictionary, read through <c>ReqioProject.FromSettings(getVariable)</c>, as an app passes its configuration.</summary>
    Function,
}

/// <summary>
/// Options from the REQIO_* settings, by both routes: every rule and message holds the same whether the values come
/// from the process environment or through a function (an app's IConfiguration). The process variables are shared,
/// so this fixture runs alone and restores them.
/// </summary>
[NonParallelizable]
[TestFixture(SettingsSource.ProcessEnvironment)]
[TestFixture(SettingsSource.Function)]
public sealed partial class EnvironmentTests(SettingsSource source)
{
    private ReqioEnvironment _environment = null!;
    private readonly List<string> _asked = [];

    [SetUp]
    public void ClearVariables()
    {
        _environment = new ReqioEnvironment();
        _asked.Clear();
    }

    [TearDown]
    public void RestoreVariables() => _environment.Dispose();

    /// <summary>Where this fixture's route looks, as its messages say it.</summary>
    private string Where => source == SettingsSource.Function
        ? "among the settings the function given to ReqioProject.FromSettings returns"
        : "among this process's environment variables";

    /// <summary>Options from <paramref name="settings"/> by this fixture's route.</summary>
    private ReqioProject Read(Dictionary<string, string?> settings)
    {
        if (source == SettingsSource.Function)
        {
            return ReqioProject.FromSettings(name =>
            {
                _asked.Add(name);
                return settings.TryGetValue(name, out string? value) ? value : null;
            });
        }

        foreach (KeyValuePair<string, string?> setting in settings)
        {
            _environment.Set(setting.Key, setting.Value);
        }

        return ReqioProject.FromEnvironment();
    }

    private InvalidOperationException Refusal(Dictionary<string, string?> settings) =>
        Assert.Throws<InvalidOperationException>(() => Read(settings))!;

    [Test]
    public void Nothing_set_names_every_missing_setting()
    {
        var e = Refusal([]);

        Assert.That(e.Message, Is.EqualTo($"Reqio is not configured: REQIO_SECRET and REQIO_PROJECT_ID (or REQIO_AUDIENCE) are not set {Where}."));
    }

    [Test]
    public void An_empty_value_counts_as_unset()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = "", ["REQIO_AUDIENCE"] = "", ["REQIO_PROJECT_ID"] = "" });

        Assert.That(e.Message, Does.Contain("REQIO_SECRET and REQIO_PROJECT_ID (or REQIO_AUDIENCE) are not set"));
    }

    [Test]
    public void Only_the_secret_missing_names_only_the_secret()
    {
        var e = Refusal(new() { ["REQIO_AUDIENCE"] = "https://reqio.app/p/x" });

        Assert.That(e.Message, Is.EqualTo($"Reqio is not configured: REQIO_SECRET is not set {Where}."));
    }

    [Test]
    public void Only_the_audience_missing_names_both_audience_settings()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = Secret });

        Assert.That(e.Message, Is.EqualTo($"Reqio is not configured: REQIO_PROJECT_ID (or REQIO_AUDIENCE) is not set {Where}."));
    }

    [Test]
    public void Every_refused_setting_is_named_at_once()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = "abc", ["REQIO_AUDIENCE"] = "nope" });

        Assert.That(e.Message, Does.StartWith("The setting REQIO_SECRET is not valid: ").And.Contain("at least 32 bytes")
            .And.Contain(" The setting REQIO_AUDIENCE is not valid: audience must be"));
        Assert.That(e.InnerException, Is.InstanceOf<AggregateException>());
        Assert.That(((AggregateException)e.InnerException!).InnerExceptions.Select(x => ((ArgumentException)x).ParamName),
            Is.EqualTo(new[] { "secret", "audience" }));
    }

    [Test]
    public void A_missing_setting_and_a_refused_one_are_named_together()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = "short" });

        Assert.That(e.Message, Does.StartWith($"Reqio is not configured: REQIO_PROJECT_ID (or REQIO_AUDIENCE) is not set {Where}.")
            .And.Contain(". The setting REQIO_SECRET is not valid: ").And.Contain("at least 32 bytes"));
        Assert.That(e.InnerException, Is.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("secret"));
    }

    [Test]
    public void A_refused_project_id_and_a_missing_secret_are_named_together()
    {
        var e = Refusal(new() { ["REQIO_PROJECT_ID"] = "no spaces" });

        Assert.That(e.Message, Does.StartWith($"Reqio is not configured: REQIO_SECRET is not set {Where}.")
            .And.Contain("The setting REQIO_PROJECT_ID is not valid: projectId may only hold"));
    }

    [Test]
    public void The_audience_comes_from_REQIO_AUDIENCE_or_REQIO_PROJECT_ID_or_both_naming_one_project()
    {
        var byProject = Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });
        var byAudience = Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_AUDIENCE"] = Audience });
        var byBoth = Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123", ["REQIO_AUDIENCE"] = Audience });

        foreach (ReqioProject project in new[] { byProject, byAudience, byBoth })
        {
            Assert.That(project.Audience, Is.EqualTo(Audience));
            Assert.That(project.ProjectId, Is.EqualTo("proj_abc123"));
        }
    }

    [Test]
    public void An_audience_and_a_project_id_of_different_projects_are_refused_naming_both()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123", ["REQIO_AUDIENCE"] = "https://reqio.app/p/proj_other" });

        // (How the runtime appends the parameter's name to the message differs between .NET and .NET Framework.)
        Assert.That(e.Message, Does.StartWith(
            "The settings REQIO_AUDIENCE and REQIO_PROJECT_ID disagree: REQIO_AUDIENCE names the project proj_other and REQIO_PROJECT_ID the project proj_abc123: tokens would be bound to one project and the widget would load another. Set one of the two, or both for the same project."));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("projectId"));
    }

    [Test]
    public void The_same_holds_for_an_audience_on_another_host_that_names_a_project()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123", ["REQIO_AUDIENCE"] = "http://localhost:5080/p/proj_dev" });

        Assert.That(e.Message, Does.Contain("REQIO_AUDIENCE names the project proj_dev and REQIO_PROJECT_ID the project proj_abc123"));
    }

    [Test]
    public void Beside_an_audience_of_another_form_the_project_id_names_the_widgets_project()
    {
        var project = Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123", ["REQIO_AUDIENCE"] = "https://staging.example/widget" });

        Assert.That(project.Audience, Is.EqualTo("https://staging.example/widget"));
        Assert.That(project.ProjectId, Is.EqualTo("proj_abc123"));
    }

    [Test]
    public void An_invalid_setting_is_never_ignored_because_another_would_do()
    {
        var badProjectId = Refusal(new() { ["REQIO_SECRET"] = Secret, ["REQIO_AUDIENCE"] = Audience, ["REQIO_PROJECT_ID"] = "YOUR_PROJECT_ID" });
        var badAudience = Refusal(new() { ["REQIO_SECRET"] = Secret, ["REQIO_AUDIENCE"] = "http://reqio.app/p/proj_abc123", ["REQIO_PROJECT_ID"] = "proj_abc123" });

        Assert.That(badProjectId.Message, Does.StartWith("The setting REQIO_PROJECT_ID is not valid: projectId is a placeholder"));
        Assert.That(badAudience.Message, Does.StartWith("The setting REQIO_AUDIENCE is not valid: audience on Reqio's host must be exactly"));
    }

    [Test]
    public void A_secret_too_short_names_its_setting_and_the_rule_but_not_the_secret()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = "too-short-secret", ["REQIO_PROJECT_ID"] = "proj_abc123" });

        Assert.That(e.Message, Does.StartWith("The setting REQIO_SECRET is not valid: ").And.Contain("at least 32 bytes"));
        Assert.That(e.ToString(), Does.Not.Contain("too-short-secret"));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("secret"));
    }

    [TestCaseSource(typeof(SecretWhiteSpaceTests), nameof(SecretWhiteSpaceTests.Padded))]
    public void A_secret_with_white_space_at_either_end_names_its_setting_and_where_it_comes_from(string secret)
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });

        Assert.That(e.Message, Does.StartWith("The setting REQIO_SECRET is not valid: ").And.Contain("white space").And.Contain("read from a file"));
        Assert.That(e.ToString(), Does.Not.Contain(Secret.Substring(6, 12)));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>());
    }

    [Test]
    public void A_project_id_outside_the_rule_names_REQIO_PROJECT_ID()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "a b" });

        Assert.That(e.Message, Does.StartWith("The setting REQIO_PROJECT_ID is not valid: projectId may only hold"));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("projectId"));
    }

    [Test]
    public void An_audience_outside_the_rule_names_REQIO_AUDIENCE()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = Secret, ["REQIO_AUDIENCE"] = "not a uri", ["REQIO_PROJECT_ID"] = "proj_abc123" });

        Assert.That(e.Message, Does.StartWith("The setting REQIO_AUDIENCE is not valid: audience must be"));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("audience"));
    }

    [Test]
    public void Only_the_three_settings_are_asked_for()
    {
        Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_AUDIENCE"] = Audience });

        Assert.That(_asked, source == SettingsSource.Function
            ? Is.EqualTo(new[] { "REQIO_SECRET", "REQIO_AUDIENCE", "REQIO_PROJECT_ID" })
            : Is.Empty, "the process route asks the environment, not a function");
    }

    [Test]
    public void A_null_function_is_ArgumentNullException()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioProject.FromSettings(null!))!.ParamName, Is.EqualTo("getSetting"));
    }
}
