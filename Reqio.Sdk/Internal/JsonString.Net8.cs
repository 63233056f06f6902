using System.Buffers;

namespace Reqio.Sdk;

// .NET 8: the runtime's vectorized search finds the runs of plain characters.
internal static partial class JsonString
{
    private static readonly SearchValues<char> s_plain = SearchValues.Create(PlainCharacters);

    /// <summary>How many characters from <paramref name="start"/> are plain.</summary>
    public static int PlainRunLength(string value, int start)
    {
        int run = value.AsSpan(start).IndexOfAnyExcept(s_plain);
        return run < 0 ? value.Length - start : run;
    }
}
