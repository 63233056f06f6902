using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Every value the guide prints for a setting (in a code block or inline code of README.md, docs/ and the packages'
/// readmes: a shell line, a user-secrets command, a JSON file, a PowerShell line) is either one of the examples the
/// tests mint with, or a placeholder the SDK refuses when the project is built. A user who pastes a line and forgets
/// to fill it in gets an exception at start-up, never a token Reqio refuses.
/// </summary>
public sealed class PlaceholderWalkTests
{
    /// <summary>The example values the guide may print as they are: valid, and the tests' own.</summary>
    private static readonly HashSet<string> s_examples = ["proj_abc123", "https://reqio.app/p/proj_abc123"];

    // REQIO_X=value, "REQIO_X": "value", user-secrets set REQIO_X value, $env:REQIO_X = 'value', and the section's
    // Reqio__X / Reqio:X / "X" forms; a value is quoted, or runs to white space or punctuation that ends it.
    private static readonly Regex s_assignment = new(
        """(?:(?<=\bset\s+)(?<name>REQIO_(?:SECRET|PROJECT_ID|AUDIENCE)|Reqio:(?:Secret|ProjectId|Audience))\s+|\b(?<name>REQIO_(?:SECRET|PROJECT_ID|AUDIENCE)|Reqio(?:__|:)(?:Secret|ProjectId|Audience))"?\s*[:=]\s*|"(?<name>Secret|ProjectId|Audience)"\s*:\s*)(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'`;,)\]]+))""",
        RegexOptions.CultureInvariant);

    private static readonly IReadOnlyList<MarkdownFile> s_pages =
        [.. MarkdownFile.Guide(), MarkdownFile.Read("Reqio.Sdk", "PACKAGE.md"), MarkdownFile.Read("Reqio.Sdk.AspNetCore", "PACKAGE.md")];

    public static IEnumerable<TestCaseData> PrintedValues() =>
        Printed().Select(p => new TestCaseData(p.Setting, p.Value).SetArgDisplayNames(p.Page, p.Setting, p.Value));

    [Test]
    public void The_walk_finds_the_guides_settings()
    {
        var printed = Printed().ToList();

        Assert.That(printed.Select(p => p.Setting).Distinct(), Is.SupersetOf(new[] { "REQIO_SECRET", "REQIO_PROJECT_ID" }));
        Assert.That(printed.Select(p => p.Page).Distinct().Count(), Is.GreaterThanOrEqualTo(5), "README and the recipes print settings");
        Assert.That(printed.Where(p => !s_examples.Contains(p.Value)), Is.Not.Empty);
    }

    [TestCaseSource(nameof(PrintedValues))]
    public void A_printed_value_is_an_example_or_a_placeholder_the_SDK_refuses(string setting, string value)
    {
        if (s_examples.Contains(value))
        {
            Assert.That(Read(setting, value).ProjectId, Is.EqualTo("proj_abc123"));
            return;
        }

        var e = Assert.Throws<InvalidOperationException>(() => Read(setting, value));

        Assert.That(e!.Message, Does.StartWith($"The setting {setting} is not valid: ").And.Contain("is a placeholder"));
    }

    /// <summary>A project from the test secret and project id, with <paramref name="setting"/> set to <paramref name="value"/>.</summary>
    private static ReqioProject Read(string setting, string value)
    {
        var settings = new Dictionary<string, string> { ["REQIO_SECRET"] = Secret, [setting] = value };
        if (setting == "REQIO_SECRET")
        {
            settings["REQIO_PROJECT_ID"] = "proj_abc123";
        }

        return ReqioProject.FromSettings(name => settings.TryGetValue(name, out string? v) ? v : null);
    }

    /// <summary>Every setting's value printed in the guide, its setting named by its flat name.</summary>
    private static IEnumerable<(string Page, string Setting, string Value)> Printed() =>
        from page in s_pages
        from text in page.CodeBlocks.Select(b => b.Body).Concat(page.InlineCode)
        from Match m in s_assignment.Matches(text)
        select (page.Name, FlatName(m.Groups["name"].Value), m.Groups["value"].Value);

    private static string FlatName(string name) => name.Split(['_', ':'], StringSplitOptions.RemoveEmptyEntries).Last() switch
    {
        "SECRET" or "Secret" => "REQIO_SECRET",
        "ID" or "ProjectId" => "REQIO_PROJECT_ID",
        _ => "REQIO_AUDIENCE",
    };
}
