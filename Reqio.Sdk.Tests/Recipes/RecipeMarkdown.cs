using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>A recipe: the fresh project a newcomer makes for it, and the template that makes it.</summary>
/// <param name="Name">The name the markers use.</param>
/// <param name="Template">The <c>dotnet new</c> arguments, or <see langword="null"/> when the blocks give every file.</param>
/// <param name="Kind">How its result is asked for: a console's output, an HTTP request, or a call of the function.</param>
internal sealed record Recipe(string Name, string[]? Template, CheckKind Kind)
{
    /// <summary>The package the recipe installs: the ASP.NET Core companion for a web app, else the core.</summary>
    public string Package => Kind == CheckKind.Http ? "Reqio.Sdk.AspNetCore" : "Reqio.Sdk";

    public static readonly IReadOnlyList<Recipe> All =
    [
        new("console", ["console", "--framework", "net10.0"], CheckKind.Stdout),
        new("minimal-api", ["web", "--framework", "net10.0"], CheckKind.Http),
        new("mvc", ["mvc", "--framework", "net10.0"], CheckKind.Http),
        new("razor-pages", ["webapp", "--framework", "net10.0"], CheckKind.Http),
        new("spa", ["web", "--framework", "net10.0"], CheckKind.Http),
        new("blazor-server", ["blazor", "--interactivity", "Server", "--framework", "net10.0"], CheckKind.Http),
        new("functions", null, CheckKind.Call),
    ];

    public static Recipe? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>What a newcomer types: <c>dotnet new web</c>, or "no template".</summary>
    public string TemplateText => Template is null ? "no template (the README's project file)" : "dotnet new " + string.Join(' ', Template.TakeWhile(a => a != "--framework"));
}

internal enum CheckKind
{
    Stdout,
    Http,
    Call,
}

/// <summary>What the recipe must give the signed-in user: a JSON token response, an HTML page with the widget's tag, or a printed token.</summary>
internal enum Expectation
{
    Token,
    HtmlWithTag,
}

/// <summary>Where a marker or block is: the document (relative to the markdown root) and its 1-based line.</summary>
internal readonly record struct SourceLine(string File, int Line)
{
    public override string ToString() => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A fenced block that goes into a recipe's fresh project: the whole file at <see cref="Path"/>, or inserted after <see cref="After"/>.</summary>
internal sealed record RecipeBlock(string Recipe, string Path, string? After, string Code, SourceLine Source)
{
    public string Describe() => After is null ? $"{Path} (whole file)" : $"{Path} after \"{After}\"";
}

/// <summary>
/// A recipe's check marker: <c>NAME GET /path -&gt; 200 token, anonymous -&gt; 401</c>, <c>console stdout -&gt; token</c>
/// or <c>functions call -&gt; token, anonymous -&gt; 401</c>.
/// </summary>
internal sealed record RecipeCheckMarker(string Recipe, CheckKind Kind, string? RequestPath, int Status, Expectation Expect, int? AnonymousStatus, SourceLine Source)
{
    public string Describe()
    {
        string what = Expect == Expectation.Token ? "token" : "html-with-tag";
        string head = Kind switch
        {
            CheckKind.Stdout => $"stdout -> {what}",
            CheckKind.Call => $"call -> {Status.ToString(CultureInfo.InvariantCulture)} {what}",
            _ => $"GET {RequestPath} -> {Status.ToString(CultureInfo.InvariantCulture)} {what}",
        };
        return AnonymousStatus is int anonymous ? $"{head}, anonymous -> {anonymous.ToString(CultureInfo.InvariantCulture)}" : head;
    }
}

/// <summary>
/// A shell line the guide tells the user to type for a recipe (<c>&lt;!-- shell: NAME --&gt;</c> above a <c>sh</c> or
/// <c>powershell</c> block), which the check runs in the recipe's project with the placeholders filled in.
/// </summary>
internal sealed record RecipeShellBlock(string Recipe, string Shell, string Code, SourceLine Source);

/// <summary>Every recipe the documents name, with its blocks in document order, its check, and its shell lines.</summary>
internal sealed record RecipePlan(Recipe Recipe, IReadOnlyList<RecipeBlock> Blocks, RecipeCheckMarker Check)
{
    public IReadOnlyList<RecipeShellBlock> Shell { get; init; } = [];
}

/// <summary>The documents' markers were wrong; the message lists every problem with its file and line.</summary>
internal sealed class RecipeMarkdownException(string message) : Exception(message);

/// <summary>
/// Reads the recipe markers of markdown documents. The line right above a fenced code block is one HTML comment whose
/// parts, separated by <c> | </c>, may include <c>recipe: NAME PATH</c> or <c>recipe: NAME PATH after "TEXT"</c> (once per
/// recipe the block goes into: <c>recipe: mvc ReqioPrincipal.cs | recipe: spa ReqioPrincipal.cs</c>); a
/// recipe's heading carries <c>&lt;!-- recipe-check: … --&gt;</c>. Every mistake is collected and reported at once.
/// </summary>
internal static partial class RecipeMarkdown
{
    /// <summary>Reads the guide under <paramref name="root"/> (README.md and docs/) and groups its blocks and checks by recipe.</summary>
    public static IReadOnlyList<RecipePlan> Read(string root) => Plan(MarkdownFile.Guide(root));

    /// <summary>Parses documents, in order, into one plan per recipe.</summary>
    public static IReadOnlyList<RecipePlan> Plan(IEnumerable<MarkdownFile> documents)
    {
        var errors = new List<string>();
        var blocks = new List<RecipeBlock>();
        var checks = new List<RecipeCheckMarker>();
        var shells = new List<RecipeShellBlock>();
        foreach (MarkdownFile document in documents)
        {
            Parse(document, blocks, checks, errors);
            ParseShell(document, shells, errors);
        }

        foreach (RecipeShellBlock shell in shells.Where(s => checks.All(c => c.Recipe != s.Recipe)))
        {
            errors.Add($"{shell.Source}: the shell line of recipe {shell.Recipe} has no recipe-check marker to run it with.");
        }

        foreach (IGrouping<string, RecipeCheckMarker> twice in checks.GroupBy(c => c.Recipe).Where(g => g.Count() > 1))
        {
            errors.Add($"{twice.ElementAt(1).Source}: recipe {twice.Key} has a second recipe-check marker (the first is at {twice.First().Source}); keep one.");
        }

        foreach (IGrouping<string, RecipeBlock> recipe in blocks.GroupBy(b => b.Recipe).Where(g => checks.All(c => c.Recipe != g.Key)))
        {
            errors.Add($"{recipe.First().Source}: recipe {recipe.Key} has blocks but no `<!-- recipe-check: {recipe.Key} … -->` marker under its heading, so nothing would prove it works.");
        }

        foreach (RecipeCheckMarker check in checks.Where(c => blocks.All(b => b.Recipe != c.Recipe)))
        {
            errors.Add($"{check.Source}: recipe {check.Recipe} has a check marker but no block marked `recipe: {check.Recipe} PATH`.");
        }

        foreach (RecipeCheckMarker check in checks.Where(c => c.Kind != CheckKind.Stdout && c.AnonymousStatus is null))
        {
            errors.Add($"{check.Source}: recipe {check.Recipe} needs a signed-in user, so its check says what an anonymous request gets, the status the check sees: `{check.Describe()}, anonymous -> 401` (or 302 for a sign-in page).");
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            RecipeBlock block = blocks[i];
            RecipeBlock? earlier = blocks.Take(i).FirstOrDefault(b => b.Recipe == block.Recipe && b.Path == block.Path && b.After is null);
            if (block.After is null && earlier is not null)
            {
                errors.Add($"{block.Source}: recipe {block.Recipe} gets a second whole {block.Path} (the first is at {earlier.Source}); the second would silently replace the first.");
            }

            if (Recipe.Find(block.Recipe)?.Template is null && block.After is not null
                && !blocks.Take(i).Any(b => b.Recipe == block.Recipe && b.Path == block.Path))
            {
                // A project without a template starts empty: only a file an earlier block gave can take an insertion.
                errors.Add($"{block.Source}: recipe {block.Recipe} inserts into {block.Path}, but {block.Recipe} has no template and no earlier block gives that file.");
            }
        }

        if (errors.Count > 0)
        {
            throw new RecipeMarkdownException("The recipe markers are wrong:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Distinct().Select(e => "  " + e)));
        }

        return checks.Where(c => Recipe.Find(c.Recipe) is not null)
            .OrderBy(c => Order(c.Recipe))
            .Select(c => new RecipePlan(Recipe.Find(c.Recipe)!, blocks.Where(b => b.Recipe == c.Recipe).ToList(), c)
            {
                Shell = shells.Where(s => s.Recipe == c.Recipe).ToList(),
            })
            .ToList();
    }

    private static int Order(string recipe)
    {
        for (int i = 0; i < Recipe.All.Count; i++)
        {
            if (Recipe.All[i].Name == recipe)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static void Parse(MarkdownFile document, List<RecipeBlock> blocks, List<RecipeCheckMarker> checks, List<string> errors)
    {
        foreach (MarkdownComment comment in document.Comments)
        {
            var source = new SourceLine(document.Name, comment.Line);
            if (comment.Value("recipe-check") is string check)
            {
                if (CheckMarker(check, source, errors) is RecipeCheckMarker marker)
                {
                    checks.Add(marker);
                }
            }
            else if (RecipeParts(comment.Text).Any() && document.CodeBlocks.All(b => b.Line != comment.Line + 1))
            {
                errors.Add($"{source}: a `recipe:` marker must be the line right above a fenced code block; the next line is not a fence.");
            }
        }

        foreach (MarkdownCodeBlock block in document.CodeBlocks)
        {
            if (!block.Closed)
            {
                errors.Add($"{new SourceLine(document.Name, block.Line)}: this fenced block is never closed.");
            }

            string code = block.Body.Length == 0 ? "" : block.Body + "\n";
            foreach (string part in RecipeParts(block.Marker ?? ""))
            {
                if (BlockMarker(part, new SourceLine(document.Name, block.Line - 1), errors) is RecipeBlock recipeBlock)
                {
                    blocks.Add(recipeBlock with { Code = code });
                }
            }
        }
    }

    /// <summary>The blocks marked <c>&lt;!-- shell: NAME --&gt;</c>: a <c>sh</c> or <c>powershell</c> line of a recipe.</summary>
    private static void ParseShell(MarkdownFile document, List<RecipeShellBlock> shells, List<string> errors)
    {
        foreach (MarkdownCodeBlock block in document.CodeBlocks)
        {
            Match marker = ShellMarker().Match(block.Marker ?? "");
            if (!marker.Success)
            {
                continue;
            }

            var source = new SourceLine(document.Name, block.Line);
            string name = marker.Groups["name"].Value;
            if (Recipe.Find(name) is null)
            {
                errors.Add($"{source}: `shell: {name}` names no recipe; the recipes are {string.Join(", ", Recipe.All.Select(r => r.Name))}.");
            }
            else if (block.Language is not ("sh" or "powershell"))
            {
                errors.Add($"{source}: a `shell:` marker goes above a sh or powershell block, not {block.Language}.");
            }
            else
            {
                shells.Add(new RecipeShellBlock(name, block.Language, block.Body, source));
            }
        }
    }

    /// <summary>The <c>recipe: …</c> parts of a marker comment, whose parts are separated by <c> | </c>.</summary>
    private static IEnumerable<string> RecipeParts(string comment) =>
        comment.StartsWith("<!--", StringComparison.Ordinal) && comment.EndsWith("-->", StringComparison.Ordinal)
            ? comment[4..^3].Split(" | ").Select(p => p.Trim()).Where(p => p.StartsWith("recipe:", StringComparison.Ordinal))
            : [];

    /// <summary>One <c>recipe: NAME PATH [after "TEXT"]</c> part; a marker may hold several, one per recipe the block goes into.</summary>
    private static RecipeBlock? BlockMarker(string recipePart, SourceLine source, List<string> errors)
    {
        Match part = RecipePart().Match(recipePart["recipe:".Length..].Trim());
        if (!part.Success)
        {
            errors.Add($"{source}: `{recipePart}` is not `recipe: NAME PATH` or `recipe: NAME PATH after \"TEXT\"`.");
            return null;
        }

        string name = part.Groups["name"].Value;
        string path = part.Groups["path"].Value;
        string? after = part.Groups["after"].Success ? part.Groups["after"].Value : null;
        bool valid = true;
        if (Recipe.Find(name) is null)
        {
            errors.Add($"{source}: `{name}` is not a recipe; the recipes are {string.Join(", ", Recipe.All.Select(r => r.Name))}.");
            valid = false;
        }

        if (System.IO.Path.IsPathRooted(path) || path.Split('/', '\\').Any(s => s is ".." or "." or ""))
        {
            errors.Add($"{source}: the path `{path}` must be relative to the fresh project's folder, without `.`, `..` or empty parts.");
            valid = false;
        }

        if (after is { Length: 0 })
        {
            errors.Add($"{source}: `after \"\"` names no text to insert after.");
            valid = false;
        }

        return valid ? new RecipeBlock(name, path.Replace('\\', '/'), after, "", source) : null;
    }

    private static RecipeCheckMarker? CheckMarker(string text, SourceLine source, List<string> errors)
    {
        Match match = CheckPattern().Match(text);
        if (!match.Success)
        {
            errors.Add($"{source}: `recipe-check: {text}` is not one of `NAME GET /path -> 200 token|html-with-tag[, anonymous -> STATUS]`, `console stdout -> token`, `functions call -> token[, anonymous -> STATUS]`.");
            return null;
        }

        string name = match.Groups["name"].Value;
        Recipe? recipe = Recipe.Find(name);
        if (recipe is null)
        {
            errors.Add($"{source}: `{name}` is not a recipe; the recipes are {string.Join(", ", Recipe.All.Select(r => r.Name))}.");
            return null;
        }

        CheckKind kind = match.Groups["stdout"].Success ? CheckKind.Stdout : match.Groups["call"].Success ? CheckKind.Call : CheckKind.Http;
        if (kind != recipe.Kind)
        {
            string expected = recipe.Kind switch
            {
                CheckKind.Stdout => "stdout",
                CheckKind.Call => "call",
                _ => "GET /path",
            };
            errors.Add($"{source}: recipe {name} is checked with `{expected} -> …`.");
            return null;
        }

        int status = match.Groups["status"].Success ? int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture) : 200;
        Expectation expect = match.Groups["what"].Value == "token" ? Expectation.Token : Expectation.HtmlWithTag;
        int? anonymous = match.Groups["anonymous"].Success ? int.Parse(match.Groups["anonymous"].Value, CultureInfo.InvariantCulture) : null;
        if (kind == CheckKind.Stdout && (anonymous is not null || expect != Expectation.Token || match.Groups["status"].Success))
        {
            errors.Add($"{source}: a console recipe is checked with `stdout -> token` alone.");
            return null;
        }

        if (kind == CheckKind.Call && expect != Expectation.Token)
        {
            errors.Add($"{source}: a function is checked with `call -> token`.");
            return null;
        }

        if (status != 200)
        {
            errors.Add($"{source}: the signed-in request must get 200 with its token, not {status.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return new RecipeCheckMarker(name, kind, match.Groups["path"].Success ? match.Groups["path"].Value : null, status, expect, anonymous, source);
    }

    /// <summary>Puts <paramref name="block"/> into <paramref name="current"/> (the file's text, or null when it does not exist yet).</summary>
    public static string Apply(RecipeBlock block, string? current)
    {
        if (block.After is null)
        {
            return block.Code;
        }

        if (current is null)
        {
            throw new RecipeMarkdownException($"{block.Source}: recipe {block.Recipe} inserts after \"{block.After}\" in {block.Path}, but the fresh project has no {block.Path}.");
        }

        string newline = current.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string inserted = block.Code.Replace("\n", newline, StringComparison.Ordinal);
        int start = 0;
        while (true)
        {
            int end = current.IndexOf('\n', start);
            int lineEnd = end < 0 ? current.Length : end;
            if (current.AsSpan(start, lineEnd - start).Contains(block.After, StringComparison.Ordinal))
            {
                return end < 0 ? current + newline + inserted : current[..(end + 1)] + inserted + current[(end + 1)..];
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        throw new RecipeMarkdownException($"{block.Source}: recipe {block.Recipe} inserts after \"{block.After}\" in {block.Path}, but no line of the fresh project's {block.Path} contains that text.");
    }

    [GeneratedRegex(@"^<!-- shell: (?<name>[a-z-]+) -->$")]
    private static partial Regex ShellMarker();

    [GeneratedRegex(@"^(?<name>\S+)\s+(?<path>[^\s""]+)(\s+after\s+""(?<after>.*)"")?$")]
    private static partial Regex RecipePart();

    [GeneratedRegex(@"^(?<name>[a-z-]+)\s+(?:(?<stdout>stdout)|(?<call>call)|GET\s+(?<path>/\S*))\s*->\s*(?:(?<status>\d{3})\s+)?(?<what>token|html-with-tag)(?:\s*,\s*anonymous\s*->\s*(?<anonymous>\d{3}))?$")]
    private static partial Regex CheckPattern();
}
