using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Reqio.Sdk.Tests.Recipes;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The user's guide (README.md and the pages under docs/) shows code the tests compile. The line right above every
/// fenced block that is not a shell command is one marker: <c>&lt;!-- snippet: File.cs --&gt;</c> (the block is that
/// compiled file, usings included, without its namespace line and XML docs), <c>&lt;!-- snippet: File.cs#name --&gt;</c>
/// (the region between <c>// snippet: name</c> and <c>// end snippet</c>), <c>&lt;!-- fragment: why --&gt;</c> (not
/// compiled, on purpose), or <c>&lt;!-- recipe: NAME PATH --&gt;</c> (a file of a recipe, which the recipe check pastes
/// into a fresh project); a snippet or fragment a user pastes carries the recipe part too, after <c> | </c>. The SPA
/// recipe's script is compared whole with the one the browser test serves. Any side changed alone fails here.
/// </summary>
public sealed partial class ReadmeSyncTests
{
    private static readonly string[] s_recipes = ["console", "minimal-api", "mvc", "razor-pages", "spa", "blazor-server", "functions"];
    private static readonly string s_tests = RepositoryRoot.Combine("Reqio.Sdk.Tests");
    private static readonly IReadOnlyList<MarkdownFile> s_pages = MarkdownFile.Guide();

    /// <summary>Every csharp, cshtml and razor block of the guide, named by its page, line and marker.</summary>
    public static IEnumerable<TestCaseData> CodeBlocks() =>
        Blocks().Where(b => b.Language is "csharp" or "cshtml" or "razor")
            .Select(b => new TestCaseData(b).SetName($"{b}: {b.Marker ?? "(no marker)"}"));

    [TestCaseSource(nameof(CodeBlocks))]
    public void A_code_block_is_a_compiled_snippet_a_marked_fragment_or_a_recipe_file(MarkdownCodeBlock block)
    {
        Match marker = Marker().Match(block.Marker ?? "");
        Assert.That(marker.Success, Is.True,
            $"The {block.Language} block at {block} needs a `<!-- snippet: File.cs[#name] -->`, `<!-- fragment: why -->` or `<!-- recipe: NAME PATH -->` line right above it.");
        if (marker.Groups["kind"].Value == "snippet")
        {
            Assert.That(block.Language, Is.EqualTo("csharp"), "only C# compiles as a snippet");
            Assert.That(block.Body, Is.EqualTo(Snippet(marker.Groups["what"].Value)));
        }
        else if (marker.Groups["kind"].Value == "fragment")
        {
            Assert.That(marker.Groups["what"].Value.Trim(), Is.Not.Empty, "a fragment says why it is not compiled");
        }
        else
        {
            Assert.That(marker.Groups["recipe"].Success, Is.True, "a block that is neither snippet nor fragment is a recipe's file");
        }
    }

    [Test]
    public void Every_block_but_a_shell_command_has_one_marker_and_every_recipe_part_names_a_recipe_and_a_path()
    {
        foreach (MarkdownCodeBlock block in Blocks().Where(b => b.Language is not ("sh" or "bash" or "shell" or "powershell")))
        {
            Match marker = Marker().Match(block.Marker ?? "");
            Assert.That(marker.Success, Is.True, $"{block} ({block.Language}) has no marker line");
            foreach (string part in RecipeParts(marker))
            {
                Match recipe = RecipePart().Match(part);
                Assert.That(recipe.Success, Is.True, $"{block}: `recipe: {part}` is not `NAME PATH` or `NAME PATH after \"TEXT\"`");
                Assert.That(s_recipes, Does.Contain(recipe.Groups["name"].Value), $"{block}: no recipe {recipe.Groups["name"].Value}");
            }
        }
    }

    [Test]
    public void Every_recipe_has_files_and_one_check_saying_what_it_serves()
    {
        var named = Blocks().Select(b => Marker().Match(b.Marker ?? "")).Where(m => m.Success)
            .SelectMany(RecipeParts).Select(p => RecipePart().Match(p).Groups["name"].Value).ToHashSet();
        var checks = s_pages.SelectMany(p => p.Comments).Select(c => c.Text).Where(c => c.StartsWith("<!-- recipe-check:", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(named, Is.EquivalentTo(s_recipes), "the recipes with at least one file");
            foreach (string recipe in s_recipes)
            {
                var mine = checks.Where(c => c.StartsWith($"<!-- recipe-check: {recipe} ", StringComparison.Ordinal)).ToList();
                Assert.That(mine, Has.Count.EqualTo(1), $"one recipe-check line for {recipe}");
                Assert.That(mine.All(c => RecipeCheck().IsMatch(c)), Is.True, $"{recipe}'s check reads `{string.Join(" ", mine)}`");
            }
        });
    }

    [Test]
    public void Every_web_recipe_takes_the_development_sign_in_and_links_to_its_page()
    {
        var web = RecipeMarkdown.Read(RepositoryRoot.Path).Where(p => p.Recipe.Kind == CheckKind.Http).ToList();

        Assert.That(web.Select(p => p.Recipe.Name), Is.EquivalentTo(new[] { "minimal-api", "mvc", "razor-pages", "spa", "blazor-server" }));
        Assert.Multiple(() =>
        {
            foreach (RecipePlan plan in web)
            {
                Assert.That(plan.Blocks.Where(b => b.Source.File == "docs/development-sign-in.md").Select(b => b.Describe()), Is.EquivalentTo(new[]
                {
                    "DevelopmentSignIn.cs (whole file)",
                    "Program.cs after \"var builder = WebApplication.CreateBuilder(args);\"",
                    "Program.cs after \"var app = builder.Build();\"",
                }), plan.Recipe.Name);
                MarkdownFile page = s_pages.Single(p => p.Name == plan.Check.Source.File);
                Assert.That(page.Links, Has.Some.EqualTo("../development-sign-in.md"), page.Name);
            }
        });
    }

    [Test]
    public void The_SPA_recipe_types_no_project_id_the_server_renders_it()
    {
        var spa = RecipeMarkdown.Read(RepositoryRoot.Path).Single(p => p.Recipe.Name == "spa");

        Assert.That(spa.Blocks.Where(b => b.Code.Contains("data-project-id", StringComparison.Ordinal) || b.Code.Contains("proj_", StringComparison.Ordinal)).Select(b => b.Source.ToString()), Is.Empty);
        Assert.That(spa.Blocks.Select(b => b.Code), Has.Some.Contains("<reqio-widget />"));
    }

    [Test]
    public void Every_example_file_and_snippet_region_is_shown_in_the_guide()
    {
        var shown = Blocks().Select(b => Marker().Match(b.Marker ?? "")).Where(m => m.Success && m.Groups["kind"].Value == "snippet")
            .Select(m => m.Groups["what"].Value).ToList();
        var files = Directory.GetFiles(Path.Combine(s_tests, "AspNetCoreExamples"), "*.cs").Select(Path.GetFileName)
            .Concat(Directory.GetFiles(Path.Combine(s_tests, "FunctionsExample"), "*.cs").Select(Path.GetFileName))
            .Concat(Directory.GetFiles(Path.Combine(s_tests, "Reqio.Sdk.AspNetCore.Tests", "Examples"), "*.cs").Select(Path.GetFileName));
        // PACKAGE.md, the package's own readme, shows its region and PackageReadmeTests holds the two together.
        var regions = SourceFiles().Where(f => Path.GetFileName(f) != "PackageReadmeExample.cs")
            .SelectMany(f => RegionStart().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}#{m.Groups[1].Value}"));

        Assert.That(files.Concat(regions).Except(shown), Is.Empty);
        Assert.That(shown, Has.Count.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void The_guides_SPA_page_is_the_one_the_browser_test_serves()
    {
        var blocks = Blocks().Where(b => b.Marker is not null && b.Marker.StartsWith("<!-- snippet: WidgetTestApp.SpaScript", StringComparison.Ordinal)).ToList();

        Assert.That(blocks, Is.Not.Empty);
        foreach (MarkdownCodeBlock block in blocks)
        {
            Assert.That(block.Language, Is.EqualTo("js"), block.ToString());
            Assert.That(block.Body, Is.EqualTo(Normalize(WidgetTestApp.SpaScript)), block.ToString());
        }
    }

    [Test]
    public void The_README_is_at_most_400_lines_and_a_newcomer_installs_sets_the_secret_and_mints_within_60()
    {
        string[] readme = s_pages.Single(p => p.Name == "README.md").Lines;
        string first60 = string.Join("\n", readme.Take(60));

        Assert.That(readme, Has.Length.LessThanOrEqualTo(400));
        Assert.That(first60, Does.Contain("dotnet add package Reqio.Sdk"));
        Assert.That(first60, Does.Contain("REQIO_SECRET"));
        Assert.That(first60, Does.Contain("ReqioToken.Mint("));
    }

    [Test]
    public void No_example_uses_the_null_forgiving_operator()
    {
        var offenders = Blocks().Where(b => b.Language is "csharp" or "cshtml" or "razor" && NullForgiving().IsMatch(b.Body)).Select(b => b.ToString());

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_relative_link_of_the_guide_names_a_file_that_exists()
    {
        var missing = s_pages.SelectMany(p => p.Links
                .Where(link => !link.StartsWith("http:", StringComparison.Ordinal) && !link.StartsWith("https:", StringComparison.Ordinal)
                    && !link.StartsWith("mailto:", StringComparison.Ordinal) && !link.StartsWith('#'))
                .Select(link => link.Split('#')[0])
                .Where(target => !File.Exists(FullPath(p, target)) && !Directory.Exists(FullPath(p, target)))
                .Select(target => $"{p.Name}: {target}"));

        Assert.That(missing, Is.Empty);

        static string FullPath(MarkdownFile page, string target) =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryRoot.Combine(page.Name))!, target));
    }

    /// <summary>The <c>NAME PATH [after "TEXT"]</c> parts of a marker: one per recipe the block goes into.</summary>
    private static string[] RecipeParts(Match marker) =>
        marker.Groups["recipe"].Success ? marker.Groups["recipe"].Value.Split(" | recipe: ") : [];

    /// <summary>The text a snippet marker names: a whole example file, or one region of a source file.</summary>
    private static string Snippet(string what)
    {
        string[] parts = what.Split('#');
        string path = SourceFiles().SingleOrDefault(f => Path.GetFileName(f) == parts[0])
            ?? throw new AssertionException($"No source file {parts[0]} in Reqio.Sdk.Tests.");
        var lines = Normalize(File.ReadAllText(path)).Split('\n').ToList();
        if (parts.Length == 1)
        {
            // The whole file as a fresh project takes it: its usings and code, without the namespace line (and the
            // blank line after it) and without XML docs.
            int ns = lines.FindIndex(l => l.StartsWith("namespace ", StringComparison.Ordinal));
            if (ns >= 0)
            {
                lines.RemoveRange(ns, ns + 1 < lines.Count && lines[ns + 1].Length == 0 ? 2 : 1);
            }

            return string.Join("\n", lines.Where(l => !l.TrimStart().StartsWith("/// ", StringComparison.Ordinal))).Trim('\n');
        }

        int start = lines.FindIndex(l => l.Trim() == $"// snippet: {parts[1]}");
        int end = start < 0 ? -1 : lines.FindIndex(start, l => l.Trim() == "// end snippet");
        Assert.That(start >= 0 && end > start, Is.True, $"{parts[0]} has no region `// snippet: {parts[1]}` … `// end snippet`");
        string[] region = lines.Skip(start + 1).Take(end - start - 1).ToArray();
        int indent = region.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", region.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(s_tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The guide's fenced blocks; every one of them closes.</summary>
    private static List<MarkdownCodeBlock> Blocks()
    {
        var blocks = s_pages.SelectMany(p => p.CodeBlocks).ToList();
        Assert.That(blocks.Where(b => !b.Closed), Is.Empty, "a fenced block that never closes runs to the end of its page");
        return blocks;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex(@"^<!-- (?:(?<kind>snippet|fragment): (?<what>[^|]+?)(?: \| recipe: (?<recipe>.+?))?|recipe: (?<recipe>.+?)) -->$")]
    private static partial Regex Marker();

    [GeneratedRegex("^(?<name>[a-z-]+) (?<path>[^ \"]+)(?: after \"(?<text>.+)\")?$")]
    private static partial Regex RecipePart();

    [GeneratedRegex(@"^<!-- recipe-check: (?:console stdout -> token|functions call -> token, anonymous -> 401|[a-z-]+ GET /\S* -> 200 (?:token|html-with-tag), anonymous -> [1-5][0-9][0-9]) -->$")]
    private static partial Regex RecipeCheck();

    [GeneratedRegex(@"^\s*// snippet: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RegionStart();

    // A value followed by `!` and then what ends an expression: `x!.`, `x!)`, `x!,`, `x!;`.
    [GeneratedRegex(@"[\w)\]]![.),;]")]
    private static partial Regex NullForgiving();
}
