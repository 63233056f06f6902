using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// JSON string bodies exactly as Python's <c>json.dumps(…, ensure_ascii=True)</c> writes them, which is what PyJWT
/// signs: <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, every other character outside 0x20–0x7E as <c>\u</c> and four
/// lowercase hex digits, and a character above U+FFFF as its two surrogates. The output is therefore pure ASCII, and
/// at most six bytes a character. An unpaired surrogate cannot be written (Python refuses it too): every string is
/// checked by <see cref="CheckUtf16"/> before it reaches the writer.
/// <para>
/// A character JSON takes as it is (printable ASCII but <c>"</c> and <c>\</c>) is "plain"; runs of plain characters
/// are copied at once. On .NET 8 the runtime finds them (<c>SearchValues</c>, in <c>JsonString.Net8.cs</c>); elsewhere
/// a loop does.
/// </para>
/// </summary>
internal static partial class JsonString
{
    /// <summary>Every plain character, in order: printable ASCII except the quote and the backslash.</summary>
    private const string PlainCharacters =
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private static readonly byte[] s_hexDigits = Encoding.ASCII.GetBytes("0123456789abcdef");

    /// <summary>Throws, naming <paramref name="paramName"/> and the index, when <paramref name="value"/> holds an unpaired surrogate.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not valid UTF-16.</exception>
    public static void CheckUtf16(string value, string paramName)
    {
        // Plain characters are ASCII, so the search starts where they end.
        for (int i = PlainRunLength(value, 0); i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(value[i]) || i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                ThrowHelper.Argument(paramName,
                    $"{paramName} is not valid UTF-16: it holds an unpaired surrogate at index {i}, which JSON cannot carry.");
            }

            i++;
        }
    }

    /// <summary>Writes the escaped <paramref name="value"/> at <paramref name="position"/>; returns the position after it.</summary>
    public static int Write(TokenBuffer buffer, int position, string value)
    {
        int i = 0;
        while (true)
        {
            int run = PlainRunLength(value, i);
            position = buffer.WriteAscii(position, value, i, run);
            i += run;
            if (i == value.Length)
            {
                return position;
            }

            position = WriteEscaped(buffer, position, value[i++]);
        }
    }

#if !NET8_0_OR_GREATER
    /// <summary>How many characters from <paramref name="start"/> are plain.</summary>
    public static int PlainRunLength(string value, int start)
    {
        int i = start;
        while (i < value.Length && value[i] is >= ' ' and <= '~' and not '"' and not '\\')
        {
            i++;
        }

        return i - start;
    }
#endif

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
}
