using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// Base64url without padding (RFC 7515 §2), written forward inside one buffer. The source may lie later in the same
/// buffer than the destination, overlapping it, as long as it starts at least <c>length / 3</c> bytes after the
/// destination: each group reads its three source bytes before writing its four, so by the time a write reaches a
/// source byte, that byte has been read. <see cref="TokenEncoder"/> lays tokens out to keep that distance.
/// </summary>
internal static class Base64UrlWriter
{
    private static readonly byte[] s_alphabet =
        Encoding.ASCII.GetBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>How many characters <paramref name="length"/> bytes take, without padding.</summary>
    public static int GetEncodedLength(int length) => ((length * 4) + 2) / 3;

    /// <summary>Encodes <paramref name="length"/> bytes from <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static void Encode(TokenBuffer buffer, int source, int length, int destination)
    {
        byte[] alphabet = s_alphabet;
        int end = source + length - (length % 3);
        while (source < end)
        {
            int group = (buffer[source] << 16) | (buffer[source + 1] << 8) | buffer[source + 2];
            buffer[destination] = alphabet[group >> 18];
            buffer[destination + 1] = alphabet[(group >> 12) & 0x3F];
            buffer[destination + 2] = alphabet[(group >> 6) & 0x3F];
            buffer[destination + 3] = alphabet[group & 0x3F];
            source += 3;
            destination += 4;
        }

        switch (length % 3)
        {
            case 1:
            {
                int group = buffer[source] << 16;
                buffer[destination] = alphabet[group >> 18];
                buffer[destination + 1] = alphabet[(group >> 12) & 0x3F];
                break;
            }

            case 2:
            {
                int group = (buffer[source] << 16) | (buffer[source + 1] << 8);
                buffer[destination] = alphabet[group >> 18];
                buffer[destination + 1] = alphabet[(group >> 12) & 0x3F];
                buffer[destination + 2] = alphabet[(group >> 6) & 0x3F];
                break;
            }
        }
    }
}
