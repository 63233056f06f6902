using System.Buffers.Text;
using System.Diagnostics;

namespace Reqio.Sdk;

// .NET 8: the whole 3-byte groups through the runtime's vectorized base64, then its vectorized Replace to the URL alphabet.
internal static partial class Base64UrlWriter
{
    /// <summary>
    /// Encodes the whole 3-byte groups of the first <paramref name="length"/> bytes of <paramref name="input"/> into
    /// <paramref name="output"/> at <paramref name="offset"/>; returns how many input bytes it consumed.
    /// </summary>
    private static int EncodeWholeGroups(TokenBuffer input, int length, TokenBuffer output, int offset)
    {
        int groups = length - (length % 3);
        Span<byte> text = output.Span.Slice(offset);
        Base64.EncodeToUtf8(input.Span.Slice(0, groups), text, out _, out int written);
        Debug.Assert(written == groups / 3 * 4, "Whole groups encode without padding.");
        text = text.Slice(0, written);
        text.Replace((byte)'+', (byte)'-');
        text.Replace((byte)'/', (byte)'_');
        return groups;
    }
}
