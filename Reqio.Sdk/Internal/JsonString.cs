using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// Writes a string as a JSON string body exactly as Python's <c>json.dumps(…, ensure_ascii=True)</c> does, which is
/// what PyJWT signs: <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, every other character outside 0x20–0x7E as
/// <c>\u</c> and four lowercase hex digits, and a character above U+FFFF as its two surrogates. The output is
/// therefore pure ASCII. Unpaired surrogates cannot be written (Python would refuse them too), so measuring a string
/// also validates it.
/// </summary>
internal static class JsonString
{
    // For each ASCII character, how many bytes it takes once escaped: 1 as is, 2 for a short escape, 6 for \u00xx.
    private static readonly byte[] s_asciiLengths = BuildAsciiLengths();

    private static readonly byte[] s_hexDigits = Encoding.ASCII.GetBytes("0123456789abcdef");

    /// <summary>Returns how many bytes <paramref name="value"/> takes escaped, without its quotes.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> holds an unpaired surrogate.</exception>
    public static int GetEscapedLength(string value, string paramName)
    {
        int length = 0;
        for (int i = 0; i < value.Length; i++)
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
    /// <remarks>The caller has measured and validated the value with <see cref="GetEscapedLength"/>.</remarks>
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
            int run = i + 1 < value.Length && IsPlain(value[i + 1]) ? buffer.WritePlainRun(position, value, i) : 0;
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
            lengths[c] = c is >= 0x20 and < 0x7F ? (byte)1 : (byte)6;
        }

        foreach (char c in "\"\\\b\f\n\r\t")
        {
            lengths[c] = 2;
        }

        return lengths;
    }
}
