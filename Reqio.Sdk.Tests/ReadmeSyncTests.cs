using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's code is code the tests compile. Every <c>csharp</c> or <c>cshtml</c> block follows a marker line:
/// <c>&lt;!-- snippet: File.cs --&gt;</c> (the block is that compiled file, after its namespace, without XML docs),
/// <c>&lt;!-- snippet: File.cs#name --&gt;</c> (the block is the region between <c>// snippet: name</c> and
/// <c>// end snippet</c> in that file), or <c>&lt;!-- fragment: why --&gt;</c> (not compiled, on purpose). The SPA
/// page's script is compared whole with the one the browser test serves. Any side changed alone fails here.
/// </summary>
public sealed partial class ReadmeSyncTests
{
    private static readonly string s_readme = Normalize(File.ReadAllText(RepositoryRoot.Combine("README.md")));
    private static readonly string s_tests = RepositoryRoot.Combine("Reqio.Sdk.Tests");

    /// <summary>Every csharp and cshtml block of the README, named by its line and marker.</summary>
    public static IEnumerable<TestCaseData> CodeBlocks() =>
        Blocks().Where(b => b.Language is "csharp" or "cshtml")
            .Select(b => new TestCaseData(b).SetName($"README line {b.Line}: {b.Marker ?? "(no marker)"}"));

    [TestCaseSource(nameof(CodeBlocks))]
    public void A_code_block_is_a_compiled_snippet_or_a_marked_fragment(ReadmeBlock block)
    {
        Match marker = Marker().Match(block.Marker ?? "");
        Assert.That(marker.Success, Is.True,
            $"The {block.Language} block at README line {block.Line} needs a `<!-- snippet: File.cs[#name] -->` or `<!-- fragment: why -->` line right above it.");
        if (marker.Groups["kind"].Value == "snippet")
        {
            Assert.That(block.Language, Is.EqualTo("csharp"), "only C# compiles as a snippet");
            Assert.That(block.Body, Is.EqualTo(Snippet(marker.Groups["what"].Value)));
        }
        else
        {
            Assert.That(marker.Groups["what"].Value.Trim(), Is.Not.Empty, "a fragment says why it is not compiled");
        }
    }

    [Test]
    public void Every_example_file_and_snippet_region_is_shown_in_the_README()
    {
        var shown = Blocks().Select(b => Marker().Match(b.Marker ?? "")).Where(m => m.Success && m.Groups["kind"].Value == "snippet")
            .Select(m => m.Groups["what"].Value).ToList();
        var files = Directory.GetFiles(Path.Combine(s_tests, "AspNetCoreExamples"), "*.cs").Select(Path.GetFileName);
        var regions = SourceFiles().SelectMany(f => RegionStart().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}#{m.Groups[1].Value}"));

        Assert.That(files.Concat(regions).Except(shown), Is.Empty);
        Assert.That(shown, Has.Count.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void The_README_SPA_page_is_the_one_the_browser_test_serves()
    {
        ReadmeBlock block = Blocks().Single(b => b.Marker == "<!-- snippet: WidgetTestApp.SpaScript -->");

        Assert.That(block.Language, Is.EqualTo("html"));
        Assert.That(block.Body, Is.EqualTo(Normalize(WidgetTestApp.SpaScript)));
    }

    /// <summary>The text a snippet marker names: a whole example file, or one region of a source file.</summary>
    private static string Snippet(string what)
    {
        string[] parts = what.Split('#');
        string path = SourceFiles().SingleOrDefault(f => Path.GetFileName(f) == parts[0])
            ?? throw new AssertionException($"No source file {parts[0]} in Reqio.Sdk.Tests.");
        string[] lines = Normalize(File.ReadAllText(path)).Split('\n');
        if (parts.Length == 1)
        {
            int ns = Array.FindIndex(lines, l => l.StartsWith("namespace ", StringComparison.Ordinal));
            return string.Join("\n", lines.Skip(ns + 1).Where(l => !l.TrimStart().StartsWith("/// ", StringComparison.Ordinal))).Trim('\n');
        }

        int start = Array.FindIndex(lines, l => l.Trim() == $"// snippet: {parts[1]}");
        int end = start < 0 ? -1 : Array.FindIndex(lines, start, l => l.Trim() == "// end snippet");
        Assert.That(start >= 0 && end > start, Is.True, $"{parts[0]} has no region `// snippet: {parts[1]}` … `// end snippet`");
        string[] region = lines.Skip(start + 1).Take(end - start - 1).ToArray();
        int indent = region.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", region.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(s_tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The README's fenced blocks, each with its language, its body, and the line right above its fence.</summary>
    private static List<ReadmeBlock> Blocks()
    {
        string[] lines = s_readme.Split('\n');
        var blocks = new List<ReadmeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            int close = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            Assert.That(close, Is.GreaterThan(i), $"README line {i + 1} opens a block that never closes");
            string? marker = i > 0 && lines[i - 1].StartsWith("<!--", StringComparison.Ordinal) ? lines[i - 1] : null;
            blocks.Add(new ReadmeBlock(i + 1, lines[i].Substring(3).Trim(), string.Join("\n", lines.Skip(i + 1).Take(close - i - 1)), marker));
            i = close;
        }

        return blocks;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex("^<!-- (?<kind>snippet|fragment): (?<what>.+) -->$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*// snippet: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RegionStart();
}

/// <summary>A fenced block of the README.</summary>
/// <param name="Line">The line of its opening fence.</param>
/// <param name="Language">The fence's language, such as <c>csharp</c>.</param>
/// <param name="Body">The lines between the fences.</param>
/// <param name="Marker">The comment line right above the fence, if there is one.</param>
public sealed record ReadmeBlock(int Line, string Language, string Body, string? Marker)
{
    public override string ToString() => $"README line {Line}";
}
