#if !REQIO_NETFX
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The generated blocks of a markdown file: the lines between <c>&lt;!-- begin: NAME --&gt;</c> and
/// <c>&lt;!-- end: NAME --&gt;</c>, read, and written back with new contents.
/// </summary>
internal static class MarkedBlocks
{
    /// <summary>Each block's name and contents (blank lines at either end left out), in the order of the file.</summary>
    public static IReadOnlyList<(string Name, string Contents)> Read(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<(string, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (Name(lines[i], "begin") is not { } name)
            {
                if (Name(lines[i], "end") is { } stray)
                {
                    throw new FormatException($"Line {i + 1} ends a block '{stray}' that no begin line opened.");
                }

                continue;
            }

            int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("<!-- ", StringComparison.Ordinal) && (Name(l, "begin") ?? Name(l, "end")) is not null);
            if (end < 0 || Name(lines[end], "end") != name)
            {
                throw new FormatException($"The block '{name}' opened on line {i + 1} needs `<!-- end: {name} -->` before any other marker.");
            }

            blocks.Add((name, string.Join("\n", lines.Skip(i + 1).Take(end - i - 1)).Trim('\n')));
            i = end;
        }

        return blocks;
    }

    /// <summary><paramref name="text"/> with each named block's contents replaced by <paramref name="contents"/>'s.</summary>
    public static string Write(string text, Func<string, string> contents)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            result.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }

            if (Name(lines[i], "begin") is { } name)
            {
                int end = Array.FindIndex(lines, i + 1, l => Name(l, "end") == name);
                string body = contents(name);
                if (body.Length > 0)
                {
                    result.Append('\n').Append(body).Append("\n\n");
                }

                i = end - 1;
            }
        }

        return result.ToString();
    }

    private static string? Name(string line, string kind)
    {
        string prefix = $"<!-- {kind}: ";
        return line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(" -->", StringComparison.Ordinal)
            ? line.Substring(prefix.Length, line.Length - prefix.Length - " -->".Length).Trim()
            : null;
    }
}
#endif
