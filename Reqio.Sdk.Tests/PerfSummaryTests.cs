#if !REQIO_NETFX
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reqio.Sdk.Benchmarks.Reports;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// One source for every number: the READMEs' performance figures are blocks rendered from the committed review,
/// <c>Reqio.Sdk.Benchmarks/Results/perf-review.json</c>, between <c>&lt;!-- begin: NAME --&gt;</c> and
/// <c>&lt;!-- end: NAME --&gt;</c> lines. A block that differs from what the JSON gives fails here; run the tests with
/// <c>REQIO_UPDATE_DOCS=1</c> to rewrite the blocks from it. Outside the blocks no README restates a ratio.
/// </summary>
[NonParallelizable]
public sealed partial class PerfSummaryTests
{
    private const string UpdateVariable = "REQIO_UPDATE_DOCS";
    private static readonly string s_howToUpdate =
        $"The blocks come from Reqio.Sdk.Benchmarks/Results/perf-review.json: run `{UpdateVariable}=1 dotnet test Reqio.Sdk.Tests --filter Name~Perf` to rewrite them.";

    private static JsonObject Review =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("Reqio.Sdk.Benchmarks", "Results", "perf-review.json")))!.AsObject();

    [Test]
    public void The_README_performance_summary_is_the_one_the_review_gives() =>
        AssertBlocks(RepositoryRoot.Combine("README.md"), [PerfReviewMarkdown.Summary]);

    [Test]
    public void Every_table_of_the_benchmarks_README_is_the_one_the_review_gives() =>
        AssertBlocks(RepositoryRoot.Combine("Reqio.Sdk.Benchmarks", "README.md"), [.. PerfReviewMarkdown.BenchmarksReadmeBlocks(Review)]);

    [Test]
    public void The_summary_gives_every_per_request_ratio_against_a_peer_with_its_interval()
    {
        JsonObject review = Review;
        string summary = PerfReviewMarkdown.Render(PerfReviewMarkdown.Summary, review);
        var perRequest = review["ratios"]!.AsArray().OfType<JsonObject>()
            .Where(r => (string?)r["section"] == "per_request" && ((string)r["id"]!).StartsWith("request_vs_", StringComparison.Ordinal)).ToList();

        Assert.That(perRequest, Is.Not.Empty);
        foreach (JsonObject ratio in perRequest)
        {
            string median = ((double)ratio["median"]!).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            string low = ((double)ratio["ci95"]![0]!).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(summary, Does.Contain($"| {median} ({low}–"), (string?)ratio["id"]);
        }
    }

    [Test]
    public void The_endpoint_under_load_is_in_the_summary_when_the_review_measured_it_and_absent_when_not()
    {
        JsonObject review = Review;
        review["ratios"] = new JsonArray([.. review["ratios"]!.AsArray().OfType<JsonObject>()
            .Where(r => !((string)r["id"]!).StartsWith("endpoint_", StringComparison.Ordinal)).Select(r => r.DeepClone())]);
        Assert.That(PerfReviewMarkdown.Render(PerfReviewMarkdown.Summary, review), Does.Not.Contain("endpoint"));
        Assert.That(PerfReviewMarkdown.Render(PerfReviewMarkdown.RatioBlock("endpoint"), review), Is.Empty);

        review["ratios"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "endpoint_vs_jsonwebtokenhandler",
            ["section"] = "endpoint",
            ["description"] = "requests a second, the Reqio.Sdk endpoint ÷ the JsonWebTokenHandler endpoint",
            ["median"] = 1.2345,
            ["ci95"] = new JsonArray(1.2, 1.27),
            ["rounds"] = 40L,
        });
        Assert.That(PerfReviewMarkdown.Render(PerfReviewMarkdown.Summary, review),
            Does.Contain("| the token endpoint under load | requests a second, the Reqio.Sdk endpoint ÷ the JsonWebTokenHandler endpoint | 1.23 (1.20–1.27) |"));
        Assert.That(PerfReviewMarkdown.Render(PerfReviewMarkdown.RatioBlock("endpoint"), review), Does.Contain("| `endpoint_vs_jsonwebtokenhandler` |"));
    }

    [Test]
    public void Rewriting_the_blocks_keeps_every_line_outside_them()
    {
        const string Text = "# Title\n\n<!-- begin: a -->\n<!-- end: a -->\n\nprose\n\n<!-- begin: b -->\n\nold\n\n<!-- end: b -->\n";

        string written = MarkedBlocks.Write(MarkdownFile.Parse("test.md", Text), name => name == "a" ? "| x |" : "");

        Assert.That(written, Is.EqualTo("# Title\n\n<!-- begin: a -->\n\n| x |\n\n<!-- end: a -->\n\nprose\n\n<!-- begin: b -->\n<!-- end: b -->\n"));
        Assert.That(MarkedBlocks.Read(MarkdownFile.Parse("test.md", written)), Is.EqualTo(new[] { ("a", "| x |"), ("b", "") }));
    }

    public static IEnumerable<string> FilesUsersRead()
    {
        yield return "README.md";
        yield return Path.Combine("Reqio.Sdk.Benchmarks", "README.md");
        string docs = RepositoryRoot.Combine("docs");
        if (Directory.Exists(docs))
        {
            foreach (string page in Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(RepositoryRoot.Path, page);
            }
        }
    }

    [TestCaseSource(nameof(FilesUsersRead))]
    public void No_ratio_is_typed_outside_the_generated_blocks(string file)
    {
        Assert.That(File.Exists(RepositoryRoot.Combine(file)), Is.True, $"{file} is missing");
        string[] lines = MarkedBlocks.Outside(MarkdownFile.Read(file.Split(Path.DirectorySeparatorChar))).Split('\n');

        var typed = lines.SelectMany(line => TypedRatio().Matches(line).Select(m => $"{file}: {m.Value} (in \"{line.Trim()}\")"));

        Assert.That(typed, Is.Empty, $"Ratios belong in the blocks rendered from perf-review.json. {s_howToUpdate}");
    }

    /// <summary>Compares (or, with REQIO_UPDATE_DOCS=1, first rewrites) the generated blocks of one markdown file.</summary>
    private static void AssertBlocks(string path, IReadOnlyList<string> expectedNames)
    {
        JsonObject review = Review;
        string file = Path.GetRelativePath(RepositoryRoot.Path, path);
        var markdown = MarkdownFile.Parse(file, File.ReadAllText(path));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            string rewritten = MarkedBlocks.Write(markdown, name => PerfReviewMarkdown.Render(name, review));
            if (rewritten != markdown.Text)
            {
                File.WriteAllText(path, rewritten);
                markdown = MarkdownFile.Parse(file, rewritten);
            }
        }

        var blocks = MarkedBlocks.Read(markdown);
        Assert.That(blocks.Select(b => b.Name), Is.EquivalentTo(expectedNames),
            $"{file} needs these generated blocks, each as a `<!-- begin: NAME -->` line and an `<!-- end: NAME -->` line: {string.Join(", ", expectedNames)}.");
        Assert.Multiple(() =>
        {
            foreach (var (name, contents) in blocks)
            {
                Assert.That(contents, Is.EqualTo(PerfReviewMarkdown.Render(name, review)), $"{file}, block {name}: {s_howToUpdate}");
            }
        });
    }

    /// <summary>A figure stated as a ratio: <c>2.4×</c>, <c>1.3x</c>, <c>3 times faster</c>.</summary>
    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s?[×x](?![0-9A-Za-z])|\b\d+(?:\.\d+)?\s+times\s+(?:faster|slower|less|more|as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypedRatio();
}
#endif
