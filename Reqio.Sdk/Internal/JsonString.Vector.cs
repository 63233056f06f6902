using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace Reqio.Sdk;

/// <summary>JSON strings' bulk path on .NET 8: runs of plain characters found and copied with vector instructions.</summary>
internal static partial class JsonString
{
    private static readonly SearchValues<char> s_plain = SearchValues.Create(PlainCharacters);

    /// <summary>How many characters from <paramref name="start"/> are plain.</summary>
    private static int PlainRunLength(string value, int start)
    {
        int run = value.AsSpan(start).IndexOfAnyExcept(s_plain);
        return run < 0 ? value.Length - start : run;
    }

    /// <summary>
    /// Copies the run of plain characters from <paramref name="start"/> to <paramref name="position"/>; returns how
    /// many it copied.
    /// </summary>
    private static int CopyPlainRun(TokenBuffer buffer, int position, string value, int start)
    {
        int run = PlainRunLength(value, start);
        Ascii.FromUtf16(value.AsSpan(start, run), buffer.Span.Slice(position), out int written);
        Debug.Assert(written == run, "A plain run is ASCII.");
        return run;
    }
}
