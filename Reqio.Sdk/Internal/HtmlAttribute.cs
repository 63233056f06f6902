using System.IO;

namespace Reqio.Sdk;

/// <summary>
/// Writes text as the value of a double-quoted HTML attribute: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>"</c> and
/// <c>'</c> become character references, so the value cannot end its attribute or open a tag. The widget's values
/// are validated to characters that need none of this; it is the second line of defence.
/// </summary>
internal static class HtmlAttribute
{
    public static void Write(TextWriter writer, string value)
    {
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            string? entity = value[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is null)
            {
                continue;
            }

            writer.Write(value.ToCharArray(start, i - start));
            writer.Write(entity);
            start = i + 1;
        }

        if (start == 0)
        {
            writer.Write(value);
        }
        else
        {
            writer.Write(value.ToCharArray(start, value.Length - start));
        }
    }
}
