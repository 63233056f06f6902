namespace Reqio.Sdk.Tests.Support;

/// <summary>A one-line HTML comment block of a markdown file, such as <c>&lt;!-- begin: perf-summary --&gt;</c>.</summary>
/// <param name="Line">Its 1-based line.</param>
/// <param name="Text">The line, trimmed: <c>&lt;!-- … --&gt;</c>.</param>
/// <param name="Start">The offset of its first character in <see cref="MarkdownFile.Text"/>.</param>
/// <param name="End">The offset just past its last character (its line end not included).</param>
internal sealed record MarkdownComment(int Line, string Text, int Start, int End)
{
    /// <summary>What the comment says after <c>KIND:</c> (<c>&lt;!-- begin: NAME --&gt;</c> gives NAME for begin), or null.</summary>
    public string? Value(string kind)
    {
        string prefix = $"<!-- {kind}: ";
        return Text.StartsWith(prefix, StringComparison.Ordinal) && Text.EndsWith(" -->", StringComparison.Ordinal)
            ? Text.Substring(prefix.Length, Text.Length - prefix.Length - " -->".Length).Trim()
            : null;
    }
}
