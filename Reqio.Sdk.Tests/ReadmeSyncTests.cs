using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's ASP.NET Core snippets are the compiled examples in AspNetCoreExamples/, and its SPA script is the
/// one the browser test runs: these tests fail when either side changes alone.
/// </summary>
public sealed partial class ReadmeSyncTests
{
    private static readonly string s_root = FindRoot();
    private static readonly string s_readme = File.ReadAllText(Path.Combine(s_root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static IEnumerable<string> Snippets() =>
        SnippetMarker().Matches(File.ReadAllText(Path.Combine(FindRoot(), "README.md"))).Select(m => m.Groups[1].Value).Distinct();

    [Test]
    public void The_README_marks_every_example_file_as_a_snippet()
    {
        var files = Directory.GetFiles(Path.Combine(s_root, "Reqio.Sdk.Tests", "AspNetCoreExamples"), "*.cs").Select(Path.GetFileName);

        Assert.That(Snippets(), Is.EquivalentTo(files));
    }

    [TestCaseSource(nameof(Snippets))]
    public void A_README_snippet_is_its_example_file(string file)
    {
        Match block = Regex.Match(s_readme, $"<!-- snippet: {Regex.Escape(file)} -->\n```csharp\n(.*?)\n```", RegexOptions.Singleline);
        Assert.That(block.Success, Is.True, $"no csharp block after the {file} marker");

        Assert.That(block.Groups[1].Value, Is.EqualTo(ExampleBody(file)));
    }

    [Test]
    public void The_README_SPA_script_is_the_one_the_browser_test_runs()
    {
        string source = File.ReadAllText(Path.Combine(s_root, "Reqio.Sdk.Tests", "Support", "WidgetTestApp.cs"));
        int start = s_readme.IndexOf("  function widgetReady()", StringComparison.Ordinal);
        int end = s_readme.IndexOf("  identifyWithReqio();", start, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0));

        string[] lines = s_readme[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        Assert.That(lines, Has.Length.GreaterThan(10));
        Assert.That(lines.Where(l => !source.Contains(l, StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>The file after its namespace line, without XML doc comments: what the README shows.</summary>
    private static string ExampleBody(string file)
    {
        string[] lines = File.ReadAllText(Path.Combine(s_root, "Reqio.Sdk.Tests", "AspNetCoreExamples", file))
            .Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int ns = Array.FindIndex(lines, l => l.StartsWith("namespace ", StringComparison.Ordinal));
        return string.Join("\n", lines.Skip(ns + 1).Where(l => !l.TrimStart().StartsWith("/// ", StringComparison.Ordinal))).Trim('\n');
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reqio.Sdk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new AssertionException("The repository root (Reqio.Sdk.slnx) was not found above the test's output folder.");
    }

    [GeneratedRegex("<!-- snippet: ([A-Za-z0-9.]+) -->")]
    private static partial Regex SnippetMarker();
}
