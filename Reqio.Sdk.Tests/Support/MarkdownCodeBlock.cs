namespace Reqio.Sdk.Tests.Support;

/// <summary>A fenced code block of a markdown file.</summary>
/// <param name="Page">The file it is in, as <see cref="MarkdownFile.Name"/> names it: README.md, docs/….md.</param>
/// <param name="Line">The 1-based line of its opening fence.</param>
/// <param name="Language">The fence's info string, such as <c>csharp</c>; empty when it has none.</param>
/// <param name="Body">The lines between the fences, joined with <c>\n</c>, without a final line end.</param>
/// <param name="Marker">The one-line HTML comment right above the fence (<c>&lt;!-- snippet: … --&gt;</c>), if there is one.</param>
/// <param name="Closed">Whether a closing fence ends it (an unclosed block runs to the end of the file).</param>
public sealed record MarkdownCodeBlock(string Page, int Line, string Language, string Body, string? Marker, bool Closed)
{
    public override string ToString() => $"{Page} line {Line}";
}
