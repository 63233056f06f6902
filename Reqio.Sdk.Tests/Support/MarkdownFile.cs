using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// A markdown file as CommonMark reads it (Markdig): its fenced code blocks, each with the HTML comment right above it
/// (the marker), its one-line HTML comments, and its links. The one way the tests and the recipe check read README.md,
/// docs/ and PACKAGE.md; the text is kept with <c>\n</c> line ends, so a block's position splices it exactly.
/// </summary>
internal sealed class MarkdownFile
{
    private MarkdownFile(string name, string text)
    {
        Name = name;
        Text = text;
        MarkdownDocument document = Markdown.Parse(text);
        Comments = [.. document.Descendants<HtmlBlock>()
            .Where(b => b.Type == HtmlBlockType.Comment && b.Lines.Count == 1)
            .Select(b => new MarkdownComment(b.Line + 1, b.Lines.ToString().Trim(), b.Span.Start, b.Span.End + 1))];
        CodeBlocks = [.. document.Descendants<FencedCodeBlock>().Select(b => new MarkdownCodeBlock(
            name, b.Line + 1, (b.Info ?? "").Trim(), b.Lines.ToString(), Comments.LastOrDefault(c => c.Line == b.Line)?.Text, b.ClosingFencedCharCount > 0))];
        Links = [.. document.Descendants<LinkInline>().Select(l => l.Url ?? "")];
        InlineCode = [.. document.Descendants<CodeInline>().Select(c => c.Content)];
    }

    /// <summary>The file's path from the repository's root (or from the folder it was read from), with <c>/</c>.</summary>
    public string Name { get; }

    /// <summary>The whole text, with <c>\n</c> line ends.</summary>
    public string Text { get; }

    /// <summary>Every fenced code block, in the order of the file, at any depth (in a list or a quote too).</summary>
    public IReadOnlyList<MarkdownCodeBlock> CodeBlocks { get; }

    /// <summary>Every HTML comment that is a block of one line (a marker such as <c>&lt;!-- begin: NAME --&gt;</c>), in order.</summary>
    public IReadOnlyList<MarkdownComment> Comments { get; }

    /// <summary>Every link's and image's destination, as written (a fragment included).</summary>
    public IReadOnlyList<string> Links { get; }

    /// <summary>Every inline code span's text (<c>`…`</c>), in order.</summary>
    public IReadOnlyList<string> InlineCode { get; }

    /// <summary>The file's lines.</summary>
    public string[] Lines => Text.Split('\n');

    /// <summary>Reads <paramref name="text"/> as the file <paramref name="name"/>.</summary>
    public static MarkdownFile Parse(string name, string text) =>
        new(name, text.Replace("\r\n", "\n"));

    /// <summary>Reads a file of the repository, named by its parts from the root (<c>"Reqio.Sdk", "PACKAGE.md"</c>).</summary>
    public static MarkdownFile Read(params string[] parts) =>
        Parse(string.Join("/", parts), File.ReadAllText(RepositoryRoot.Combine(parts)));

    /// <summary>
    /// The user's guide under <paramref name="root"/> (the repository's, by default): README.md, then every .md
    /// under docs/ by path. Each file is named by its path from <paramref name="root"/>.
    /// </summary>
    public static IReadOnlyList<MarkdownFile> Guide(string? root = null)
    {
        root ??= RepositoryRoot.Path;
        string docs = Path.Combine(root, "docs");
        IEnumerable<string> pages = Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories) : [];
        string readme = Path.Combine(root, "README.md");
        return [.. (File.Exists(readme) ? new[] { readme } : []).Concat(pages.OrderBy(p => p.Replace('\\', '/'), StringComparer.Ordinal))
            .Select(p => Parse(Relative(root, p), File.ReadAllText(p)))];
    }

    private static string Relative(string root, string path) =>
        path.Substring(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Length + 1).Replace('\\', '/');
}
