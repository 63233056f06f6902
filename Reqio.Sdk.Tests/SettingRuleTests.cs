using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// No silent wrong token: every setting Reqio would refuse (a placeholder, a pasted quote, a secret broken over two
/// lines, a near-miss audience) goes through every path that takes it (the constructor, <c>FromProjectId</c>,
/// <c>FromSettings</c>, <c>FromEnvironment</c>) and meets the same refusal, in the same words, when the project is
/// built, never with the secret in it. The widget takes no setting of its own, only a built project.
/// </summary>
[NonParallelizable]
public sealed class SettingRuleTests
{
    private const string ProjectId = "proj_abc123";

    /// <summary>A bad value for one setting, and the words its refusal starts with.</summary>
    public static IEnumerable<TestCaseData> BadSettings()
    {
        foreach (var (value, rule) in new[]
        {
            ("<the secret from the Reqio dashboard>", "secret is a placeholder (it is wrapped in <...>, {...} or ${...})"),
            ("<secret>", "secret is a placeholder (it is wrapped in"),
            ("${REQIO_SECRET}", "secret is a placeholder (it is wrapped in"),
            ("{{ reqio_secret }}", "secret is a placeholder (it is wrapped in"),
            ("YOUR_SECRET_FROM_THE_REQIO_DASHBOARD_000", "secret is a placeholder (it starts with \"your\")"),
            ("your-reqio-secret-0000000000000000000000", "secret is a placeholder (it starts with \"your\")"),
            ("rq_sk_…", "secret is a placeholder (it holds an ellipsis)"),
            ("rq_sk_3f9a1c7e5b2d4f6a8c0e1b3d5f7a...", "secret is a placeholder (it holds an ellipsis)"),
            ('"' + Secret + '"', "secret starts or ends with a quote or a comma"),
            ("'" + Secret + "'", "secret starts or ends with a quote or a comma"),
            ('"' + Secret, "secret starts or ends with a quote or a comma"),
            (Secret + "\",", "secret starts or ends with a quote or a comma"),
            ("\u201C" + Secret + "\u201D", "secret starts or ends with a quote or a comma"),
            ("\uFEFF" + Secret, "secret starts or ends with white space or an invisible character"),
            (Secret.Insert(20, "\u200B"), "secret holds white space or an invisible character at index 20"),
            (Secret + "\n", "secret starts or ends with white space"),
            (Secret.Insert(20, "\n"), "secret holds white space or an invisible character at index 20"),
            (Secret.Insert(20, " "), "secret holds white space or an invisible character at index 20"),
            ("too-short-secret", "An HS256 key must be at least 32 bytes"),
        })
        {
            yield return new TestCaseData("REQIO_SECRET", value, rule).SetArgDisplayNames("REQIO_SECRET", Show(value));
        }

        foreach (var (value, rule) in new[]
        {
            ("<https://reqio.app/p/your project id>", "audience is a placeholder (it is wrapped in"),
            ("https://reqio.app/p/YOUR_PROJECT_ID", "audience is a placeholder (it starts with \"your\")"),
            ("https://reqio.app/p/{projectId}", "audience is a placeholder (it is wrapped in"),
            ("https://reqio.app/p/…", "audience is a placeholder (it holds an ellipsis)"),
            ("http://reqio.app/p/proj_abc123", "audience on Reqio's host must be exactly https://reqio.app/p/{projectId}"),
            ("https://reqio.app/p/proj_abc123/", "audience must end with the project id after /p/"),
            ("https://Reqio.app/p/proj_abc123", "audience on Reqio's host must be exactly"),
            ("https://reqio.app:443/p/proj_abc123", "audience on Reqio's host must be exactly"),
            ("https://www.reqio.app/p/proj_abc123", "audience on Reqio's host must be exactly"),
            ("https://reqio.app/p/proj.abc", "audience names a project id that breaks the project id rule"),
            ("reqio.app/p/proj_abc123", "audience must be an absolute http or https URI"),
            ("https://ops:hunter2@staging.example/p/proj", "audience must not hold a user name or password"),
            ("https://reqio.app/p/" + Secret, "audience holds a Reqio secret"),
        })
        {
            yield return new TestCaseData("REQIO_AUDIENCE", value, rule).SetArgDisplayNames("REQIO_AUDIENCE", Show(value));
        }

        foreach (var (value, rule) in new[]
        {
            ("YOUR_PROJECT_ID", "projectId is a placeholder (it starts with \"your\")"),
            ("your project id", "projectId is a placeholder (it starts with \"your\")"),
            ("<your project id>", "projectId is a placeholder (it is wrapped in"),
            ("{projectId}", "projectId is a placeholder (it is wrapped in"),
            ("proj_…", "projectId is a placeholder (it holds an ellipsis)"),
            ("proj abc", "projectId may only hold the letters"),
            ("https://reqio.app/p/proj_abc123", "projectId may only hold the letters"),
            (Secret, "projectId holds a Reqio secret (rq_sk_…), not a project id"),
        })
        {
            yield return new TestCaseData("REQIO_PROJECT_ID", value, rule).SetArgDisplayNames("REQIO_PROJECT_ID", Show(value));
        }
    }

    [TestCaseSource(nameof(BadSettings))]
    public void Every_path_refuses_it_in_the_same_words_when_the_project_is_built(string setting, string value, string rule)
    {
        var settings = new Dictionary<string, string?> { ["REQIO_SECRET"] = Secret, [setting] = value };
        if (setting == "REQIO_SECRET")
        {
            settings["REQIO_PROJECT_ID"] = ProjectId;
        }

        // The paths that take the value as an argument: the rule's own exception, naming the parameter.
        List<ArgumentException> direct = DirectPaths(setting, value).Select(path => Assert.Throws<ArgumentException>(() => path())!).ToList();
        Assert.That(direct, Is.Not.Empty);
        Assert.That(direct.Select(e => e.Message), Is.All.StartsWith(rule));
        Assert.That(direct.Select(e => e.Message).Distinct(), Has.Exactly(1).Items, "one rule, one message, whichever path");
        Assert.That(direct.Select(e => e.ParamName), Is.All.EqualTo(ParameterOf(setting)));

        // The paths that read settings: that exception inside, introduced by the setting's name.
        string expected = $"The setting {setting} is not valid: {direct[0].Message}";
        InvalidOperationException function = Assert.Throws<InvalidOperationException>(
            () => ReqioProject.FromSettings(name => settings.TryGetValue(name, out string? v) ? v : null))!;
        InvalidOperationException environment;
        using (var variables = new ReqioEnvironment())
        {
            foreach (KeyValuePair<string, string?> pair in settings)
            {
                variables.Set(pair.Key, pair.Value);
            }

            environment = Assert.Throws<InvalidOperationException>(() => ReqioProject.FromEnvironment())!;
        }

        foreach (InvalidOperationException e in new[] { function, environment })
        {
            Assert.That(e.Message, Is.EqualTo(expected));
            Assert.That(e.InnerException, Is.TypeOf<ArgumentException>().With.Message.EqualTo(direct[0].Message)
                .And.Property(nameof(ArgumentException.ParamName)).EqualTo(ParameterOf(setting)));
        }

        // Never the secret, whichever way it failed: neither the test secret beside the value nor, where the value
        // is a secret (or a secret put in the wrong setting), any part of the value.
        foreach (Exception e in direct.Cast<Exception>().Append(function).Append(environment))
        {
            Assert.That(e.ToString(), Does.Not.Contain(Secret.Substring(6, 12)));
            if (setting == "REQIO_SECRET" && value.Length >= 16)
            {
                Assert.That(e.ToString(), Does.Not.Contain(value.Trim('"', '\'', ',', '\u201C', '\u201D', '\uFEFF').Substring(0, 16)));
            }
        }
    }

    [Test]
    public void The_widget_takes_no_project_id_or_audience_of_its_own()
    {
        IEnumerable<string> parameters = typeof(ReqioWidget).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .SelectMany(m => m.GetParameters()).Select(p => $"{p.ParameterType.Name} {p.Name}").Distinct();

        Assert.That(parameters, Is.EquivalentTo(new[] { "ReqioProject project", "String identityToken", "String nonce", "TextWriter writer" }),
            "a second copy of the project id beside the project is how the two get out of step");
    }

    [TestCase("proj_abc123")]
    [TestCase("yourproject")]
    [TestCase("Your")]
    [TestCase("p")]
    [TestCase("PROJ-2024_x")]
    public void Example_values_are_not_placeholders(string projectId)
    {
        Assert.That(ReqioProject.FromProjectId(Secret, projectId).Audience, Is.EqualTo(ReqioProject.ProjectAudiencePrefix + projectId));
        Assert.That(new ReqioProject(Secret, ReqioProject.ProjectAudiencePrefix + projectId).ProjectId, Is.EqualTo(projectId));
    }

    private static IEnumerable<Action> DirectPaths(string setting, string value) => setting switch
    {
        "REQIO_SECRET" => [() => _ = new ReqioProject(value, Audience), () => ReqioProject.FromProjectId(value, ProjectId)],
        "REQIO_AUDIENCE" => [() => _ = new ReqioProject(Secret, value), () => _ = new ReqioProject(new byte[32], value)],
        _ => [() => ReqioProject.FromProjectId(Secret, value)],
    };

    private static string ParameterOf(string setting) => setting switch
    {
        "REQIO_SECRET" => "secret",
        "REQIO_AUDIENCE" => "audience",
        _ => "projectId",
    };

    /// <summary>A test name that shows control characters and keeps the secret's text short.</summary>
    private static string Show(string value) =>
        (value.Length > 40 ? value.Substring(0, 37) + "..." : value).Replace("\n", "\\n");
}
