using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// Base64url without padding (RFC 7515 §2), from one buffer to another. On .NET 8 the whole 3-byte groups go through
/// the runtime's vectorized base64 encoder (<c>Base64UrlWriter.Net8.cs</c>); the scalar loop here writes whatever
/// that leaves, which elsewhere is everything.
/// </summary>
internal static partial class Base64UrlWriter
{
    private static readonly byte[] s_alphabet =
        Encoding.ASCII.GetBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>How many characters <paramref name="length"/> bytes take, without padding.</summary>
    public static int GetEncodedLength(int length) => ((length * 4) + 2) / 3;

    /// <summary>
    /// Encodes the first <paramref name="length"/> bytes of <paramref name="input"/> into <paramref name="output"/>
    /// at <paramref name="offset"/>, which has room for <see cref="GetEncodedLength"/> characters.
    /// </summary>
    public static void Encode(TokenBuffer input, int length, TokenBuffer output, int offset)
    {
        int source = EncodeWholeGroups(input, length, output, offset);
        int destination = offset + (source / 3 * 4);
        byte[] alphabet = s_alphabet;
        while (length - source >= 3)
        {
            int group = (input[source] << 16) | (input[source + 1] << 8) | input[source + 2];
            output[destination] = alphabet[group >> 18];
            output[destination + 1] = alphabet[(group >> 12) & 0x3F];
            output[destination + 2] = alphabet[(group >> 6) & 0x3F];
            output[destination + 3] = alphabet[group & 0x3F];
            source += 3;
            destination += 4;
        }

        if (length - source == 1)
        {
            int group = input[source] << 16;
            output[destination] = alphabet[group >> 18];
            output[destination + 1] = alphabet[(group >> 12) & 0x3F];
        }
        else if (length - source == 2)
        {
            int group = (input[source] << 16) | (input[source + 1] << 8);
            output[destination] = alphabet[group >> 18];
            output[destination + 1] = alphabet[(group >> 12) & 0x3F];
            output[destination + 2] = alphabet[(group >> 6) & 0x3F];
        }
    }

#if !NET8_0_OR_GREATER
    /// <summary>Encodes nothing: without the runtime's vectorized encoder the scalar loop does every group.</summary>
    private static int EncodeWholeGroups(TokenBuffer input, int length, TokenBuffer output, int offset) => 0;
#endif
}
