#if !REQIO_NETFX
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The files users read describe the package as it is: none names an issue of this project's tracker (<c>issue 14</c>,
/// <c>issue #14</c>, <c>#14</c>, <c>since issue</c>). Checked: the READMEs, docs/, CHANGELOG, SECURITY, CONTRIBUTING,
/// the package's readme, the committed performance review, and the comments of the library's source.
/// </summary>
public sealed partial class NoIssueReferencesTests
{
    public static IEnumerable<TestCaseData> FilesUsersRead()
    {
        var files = new List<string> { "README.md", "CHANGELOG.md", "SECURITY.md", "CONTRIBUTING.md", Path.Combine("Reqio.Sdk", "PACKAGE.md"), Path.Combine("Reqio.Sdk.Benchmarks", "README.md") };
        files.AddRange(Below("docs", "*.md"));
        files.AddRange(Below(Path.Combine("Reqio.Sdk.Benchmarks", "Results"), "*.md"));
        files.AddRange(Below("Reqio.Sdk", "*.cs"));
        return files.Where(f => File.Exists(RepositoryRoot.Combine(f)))
            .Select(f => new TestCaseData(f).SetName($"No issue named in {f.Replace(Path.DirectorySeparatorChar, '/')}"));
    }

    [TestCaseSource(nameof(FilesUsersRead))]
    public void A_file_users_read_names_no_issue(string file)
    {
        string[] lines = File.ReadAllText(RepositoryRoot.Combine(file)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        bool code = file.EndsWith(".cs", StringComparison.Ordinal);

        var found = lines.Select((line, i) => (Text: code ? Comment(line) : line, Line: i + 1))
            .SelectMany(l => IssueReference().Matches(l.Text).Select(m => $"line {l.Line}: {m.Value}"))
            .ToList();

        Assert.That(found, Is.Empty, $"{file} names an issue; say what the package does, not the history that led there.");
    }

    [TestCase("used since issue 14", ExpectedResult = true)]
    [TestCase("see issue #14", ExpectedResult = true)]
    [TestCase("fixed in #14.", ExpectedResult = true)]
    [TestCase("Issues 3 and 4", ExpectedResult = true)]
    [TestCase("since issue", ExpectedResult = true)]
    [TestCase("C# 12, the `#if` directive, &#160; and [Troubleshooting](#troubleshooting)", ExpectedResult = false)]
    [TestCase("the issue a user reports, and issue tracking", ExpectedResult = false)]
    public bool What_counts_as_naming_an_issue(string text) => IssueReference().IsMatch(text);

    [TestCase("int x = 1; // see issue 14", ExpectedResult = " see issue 14")]
    [TestCase("/// <summary>since issue 3</summary>", ExpectedResult = " <summary>since issue 3</summary>")]
    [TestCase("string url = \"https://example.com/#12\";", ExpectedResult = "")]
    [TestCase(" * a block comment's line", ExpectedResult = " a block comment's line")]
    public string A_source_line_s_comment_is_what_is_checked(string line) => Comment(line);

    private static IEnumerable<string> Below(string folder, string pattern)
    {
        string root = RepositoryRoot.Combine(folder);
        if (!Directory.Exists(root))
        {
            return [];
        }

        char s = Path.DirectorySeparatorChar;
        return Directory.GetFiles(root, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{s}bin{s}", StringComparison.Ordinal) && !f.Contains($"{s}obj{s}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The comment part of a C# line: after a <c>//</c> outside a string, or a block comment's continuation line.</summary>
    private static string Comment(string line)
    {
        string trimmed = line.TrimStart();
        if (trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal))
        {
            return trimmed.TrimStart('/', '*');
        }

        bool inString = false;
        for (int i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\'))
            {
                inString = !inString;
            }
            else if (!inString && line[i] == '/' && line[i + 1] == '/')
            {
                return line.Substring(i).TrimStart('/');
            }
        }

        return "";
    }

    /// <summary><c>issue 14</c>, <c>issues 3</c>, <c>issue #14</c>, <c>since issue</c>, or a bare <c>#14</c> (not an HTML entity or a URL's anchor).</summary>
    [GeneratedRegex(@"\bissues?\s+#?\d+|\bsince\s+issue\b|(?<![\w&/#])#\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex IssueReference();
}
#endif
