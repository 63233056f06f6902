using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// JSON string bodies exactly as Python's <c>json.dumps(…, ensure_ascii=True)</c> writes them, which is what PyJWT
/// signs: <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, every other character outside 0x20–0x7E as <c>\u</c> and four
/// lowercase hex digits, and a character above U+FFFF as its two surrogates. The output is therefore pure ASCII.
/// Unpaired surrogates cannot be written (Python would refuse them too), so measuring a string also validates it.
/// <para>
/// A character JSON takes as it is (printable ASCII but <c>"</c> and <c>\</c>) is "plain". Escaping lengthens every
/// other character, so a string is all plain exactly when its escaped length is its length; such a string is copied
/// as it is (<see cref="WritePlain"/>). On .NET 8 runs of plain characters are found and copied with vector
/// instructions (<c>JsonString.Vector.cs</c>).
/// </para>
/// </summary>
internal static partial class JsonString
{
    /// <summary>Every plain character, in order: printable ASCII except the quote and the backslash.</summary>
    private const string PlainCharacters =
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    // For each ASCII character, how many bytes it takes once escaped: 1 as is, 2 for a short escape, 6 for \u00xx.
    private static readonly byte[] s_asciiLengths = BuildAsciiLengths();

    private static readonly byte[] s_hexDigits = Encoding.ASCII.GetBytes("0123456789abcdef");

    /// <summary>
    /// Checks that <paramref name="value"/> is valid UTF-16 and returns how many bytes it takes escaped, without its
    /// quotes: one scan does both, since an unpaired surrogate is the one thing it cannot measure.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> holds an unpaired surrogate.</exception>
    public static int CheckUtf16AndGetEscapedLength(string value, string paramName)
    {
        int i = PlainRunLength(value, 0);
        int length = i;
        for (; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80)
            {
                length += s_asciiLengths[c];
            }
            else if (!char.IsSurrogate(c))
            {
                length += 6;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                length += 12;
                i++;
            }
            else
            {
                ThrowHelper.Argument(paramName,
                    $"{paramName} is not valid UTF-16: it holds an unpaired surrogate at index {i}, which JSON cannot carry.");
            }
        }

        return length;
    }

    /// <summary>Writes the escaped <paramref name="value"/> at <paramref name="position"/>; returns the position after it.</summary>
    /// <remarks>The caller has measured and validated the value with <see cref="CheckUtf16AndGetEscapedLength"/>.</remarks>
    public static int Write(TokenBuffer buffer, int position, string value)
    {
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            if (!IsPlain(c))
            {
                position = WriteEscaped(buffer, position, c);
                i++;
                continue;
            }

            // Two plain characters or more: where the target can, copy the whole run at once.
            int run = i + 1 < value.Length && IsPlain(value[i + 1]) ? CopyPlainRun(buffer, position, value, i) : 0;
            if (run == 0)
            {
                buffer[position++] = (byte)c;
                run = 1;
            }
            else
            {
                position += run;
            }

            i += run;
        }

        return position;
    }

#if NETSTANDARD2_0
    /// <summary>Copies <paramref name="value"/>, all plain, at <paramref name="position"/>; returns the position after it.</summary>
    public static int WritePlain(TokenBuffer buffer, int position, string value) =>
        position + Encoding.ASCII.GetBytes(value, 0, value.Length, buffer.Array, buffer.Offset + position);
#else
    /// <summary>Copies <paramref name="value"/>, all plain, at <paramref name="position"/>; returns the position after it.</summary>
    public static int WritePlain(TokenBuffer buffer, int position, string value) =>
        position + Encoding.ASCII.GetBytes(value.AsSpan(), buffer.Span.Slice(position));
#endif

#if !NET8_0_OR_GREATER
    /// <summary>Finds nothing: without vector instructions the measuring loop looks at every character.</summary>
    private static int PlainRunLength(string value, int start) => 0;

    /// <summary>Copies nothing: without vector instructions <see cref="Write"/> copies every character itself.</summary>
    private static int CopyPlainRun(TokenBuffer buffer, int position, string value, int start) => 0;
#endif

    private static bool IsPlain(char c) => c < 0x80 && s_asciiLengths[c] == 1;

    private static int WriteEscaped(TokenBuffer buffer, int position, char c)
    {
        buffer[position++] = (byte)'\\';
        char shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            buffer[position++] = (byte)shortForm;
            return position;
        }

        buffer[position++] = (byte)'u';
        buffer[position++] = s_hexDigits[c >> 12];
        buffer[position++] = s_hexDigits[(c >> 8) & 0xF];
        buffer[position++] = s_hexDigits[(c >> 4) & 0xF];
        buffer[position++] = s_hexDigits[c & 0xF];
        return position;
    }

    private static byte[] BuildAsciiLengths()
    {
        var lengths = new byte[0x80];
        for (int c = 0; c < lengths.Length; c++)
        {
            lengths[c] = 6;
        }

        foreach (char c in PlainCharacters)
        {
            lengths[c] = 1;
        }

        foreach (char c in "\"\\\b\f\n\r\t")
        {
            lengths[c] = 2;
        }

        return lengths;
    }
}
