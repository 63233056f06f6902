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

        Assert.That(e.Message, Is.EqualTo(
            "Reqio is not configured: set REQIO_SECRET and REQIO_AUDIENCE (or REQIO_PROJECT_ID) in the environment or the application's configuration, or pass ReqioProject to ReqioToken.Mint."));
    }

    [Test]
    public void An_empty_value_counts_as_unset()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = "", ["REQIO_AUDIENCE"] = "", ["REQIO_PROJECT_ID"] = "" });

        Assert.That(e.Message, Does.Contain("set REQIO_SECRET and REQIO_AUDIENCE (or REQIO_PROJECT_ID)"));
    }

    [Test]
    public void Only_the_secret_missing_names_only_the_secret()
    {
        var e = Refusal(new() { ["REQIO_AUDIENCE"] = "https://reqio.app/p/x" });

        Assert.That(e.Message, Does.Contain("set REQIO_SECRET in the environment").And.Not.Contain("REQIO_AUDIENCE"));
    }

    [Test]
    public void Only_the_audience_missing_names_both_audience_settings()
    {
        var e = Refusal(new() { ["REQIO_SECRET"] = Secret });

        Assert.That(e.Message, Does.Contain("set REQIO_AUDIENCE (or REQIO_PROJECT_ID)").And.Not.Contain("REQIO_SECRET"));
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

        Assert.That(e.Message, Does.StartWith("Reqio is not configured: set REQIO_AUDIENCE (or REQIO_PROJECT_ID) in the environment")
            .And.Contain(". The setting REQIO_SECRET is not valid: ").And.Contain("at least 32 bytes"));
        Assert.That(e.InnerException, Is.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("secret"));
    }

    [Test]
    public void A_refused_project_id_and_a_missing_secret_are_named_together()
    {
        var e = Refusal(new() { ["REQIO_PROJECT_ID"] = "no spaces" });

        Assert.That(e.Message, Does.StartWith("Reqio is not configured: set REQIO_SECRET in the environment")
            .And.Contain("The setting REQIO_PROJECT_ID is not valid: projectId may only hold"));
    }

    [Test]
    public void The_audience_comes_from_REQIO_AUDIENCE_or_else_REQIO_PROJECT_ID()
    {
        var byProject = Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });
        var byBoth = Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123", ["REQIO_AUDIENCE"] = "https://reqio.app/p/other" });

        Assert.That(byProject.Audience, Is.EqualTo(Audience));
        Assert.That(byProject.ProjectId, Is.EqualTo("proj_abc123"));
        Assert.That(byBoth.Audience, Is.EqualTo("https://reqio.app/p/other"));
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

        Assert.That(e.Message, Does.StartWith("The setting REQIO_SECRET is not valid: ").And.Contain("white space").And.Contain("file or a terminal"));
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
    public void Only_the_three_settings_are_asked_for_and_the_project_id_only_without_an_audience()
    {
        Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_AUDIENCE"] = Audience });
        var withAudience = _asked.ToList();
        _asked.Clear();
        Read(new() { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });

        if (source == SettingsSource.Function)
        {
            Assert.That(withAudience, Is.EqualTo(new[] { "REQIO_SECRET", "REQIO_AUDIENCE" }));
            Assert.That(_asked, Is.EqualTo(new[] { "REQIO_SECRET", "REQIO_AUDIENCE", "REQIO_PROJECT_ID" }));
        }
        else
        {
            Assert.That(withAudience, Is.Empty, "the process route asks the environment, not a function");
        }
    }

    [Test]
    public void A_null_function_is_ArgumentNullException()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioProject.FromSettings(null!))!.ParamName, Is.EqualTo("getSetting"));
    }
}
