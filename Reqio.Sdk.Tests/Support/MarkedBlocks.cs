#if !REQIO_NETFX
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The generated blocks of a markdown file: the text between the comments <c>&lt;!-- begin: NAME --&gt;</c> and
/// <c>&lt;!-- end: NAME --&gt;</c>, read, and written back with new contents; everything else is kept as it is.
/// </summary>
internal static class MarkedBlocks
{
    /// <summary>Each block's name and contents (blank lines at either end left out), in the order of the file.</summary>
    public static IReadOnlyList<(string Name, string Contents)> Read(MarkdownFile file) =>
        [.. Pairs(file).Select(p => (p.Name, file.Text.Substring(p.Begin.End, p.End.Start - p.Begin.End).Trim('\n')))];

    /// <summary>The file's text with each named block's contents replaced by <paramref name="contents"/>'s.</summary>
    public static string Write(MarkdownFile file, Func<string, string> contents)
    {
        var result = new StringBuilder();
        int copied = 0;
        foreach (var (name, begin, end) in Pairs(file))
        {
            string body = contents(name);
            result.Append(file.Text, copied, begin.End - copied).Append('\n');
            if (body.Length > 0)
            {
                result.Append('\n').Append(body).Append("\n\n");
            }

            copied = end.Start;
        }

        return result.Append(file.Text, copied, file.Text.Length - copied).ToString();
    }

    /// <summary>The text outside every block, the markers included.</summary>
    public static string Outside(MarkdownFile file)
    {
        var result = new StringBuilder();
        int copied = 0;
        foreach (var (_, begin, end) in Pairs(file))
        {
            result.Append(file.Text, copied, begin.End - copied);
            copied = end.Start;
        }

        return result.Append(file.Text, copied, file.Text.Length - copied).ToString();
    }

    private static List<(string Name, MarkdownComment Begin, MarkdownComment End)> Pairs(MarkdownFile file)
    {
        var markers = file.Comments.Where(c => c.Value("begin") is not null || c.Value("end") is not null).ToList();
        var pairs = new List<(string, MarkdownComment, MarkdownComment)>();
        for (int i = 0; i < markers.Count; i++)
        {
            if (markers[i].Value("begin") is not { } name)
            {
                throw new FormatException($"{file.Name} line {markers[i].Line} ends a block '{markers[i].Value("end")}' that no begin line opened.");
            }

            if (i + 1 >= markers.Count || markers[i + 1].Value("end") != name)
            {
                throw new FormatException($"{file.Name}: the block '{name}' opened on line {markers[i].Line} needs `<!-- end: {name} -->` before any other marker.");
            }

            pairs.Add((name, markers[i], markers[++i]));
        }

        return pairs;
    }
}
#endif
