using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// JSON strings' bulk path on .NET 8: runs of plain characters found eight at a time with vector instructions and
/// copied by the runtime's vectorized narrowing. The rule is one range and two characters, so three vector compares
/// say it directly; the tests hold the scan against the scalar rule for every character.
/// </summary>
internal static partial class JsonString
{
    /// <summary>How many characters from <paramref name="start"/> are plain.</summary>
    private static int PlainRunLength(string value, int start)
    {
        ReadOnlySpan<ushort> text = MemoryMarshal.Cast<char, ushort>(value.AsSpan(start));
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort first = ref MemoryMarshal.GetReference(text);
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                Vector128<ushort> chars = Vector128.LoadUnsafe(ref first, (nuint)i);

                // Outside 0x20-0x7E (unsigned, so below 0x20 wraps round to large), or a quote, or a backslash.
                Vector128<ushort> escaped = Vector128.GreaterThan(chars - Vector128.Create((ushort)0x20), Vector128.Create((ushort)(0x7E - 0x20)))
                    | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
                    | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
                if (escaped != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(escaped.ExtractMostSignificantBits());
                }
            }
        }

        while (i < text.Length && IsPlain((char)text[i]))
        {
            i++;
        }

        return i;
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
