using System.Text;

namespace Reqio.Sdk;

// netstandard2.0, which has no spans without a package: the payload JSON and the token are written into a byte array
// each thread keeps, then the string is made of the token's bytes.
public static partial class ReqioToken
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>This thread's buffer: the payload JSON at its start, the token after <see cref="TokenEncoder.MaxPayloadLength"/>.</summary>
    private static byte[] ThreadBuffer => t_buffer ??= new byte[TokenEncoder.MaxPayloadLength + MaxTokenLength];

    /// <summary>Writes the token into this thread's buffer, then makes the string of it.</summary>
    private static string CreateString(ReqioUser user, ReqioProject project, long issuedAt)
    {
        byte[] bytes = ThreadBuffer;
        TokenBuffer json = TokenBuffer.Over(bytes, 0, TokenEncoder.MaxPayloadLength);
        int jsonLength = TokenEncoder.WritePayload(user, project, issuedAt, json);
        int length = TokenEncoder.GetTokenLength(jsonLength);
        TokenEncoder.WriteToken(project, json, jsonLength, TokenBuffer.Over(bytes, TokenEncoder.MaxPayloadLength, length));
        return Encoding.ASCII.GetString(bytes, TokenEncoder.MaxPayloadLength, length);
    }

    /// <summary>Writes the payload with the longest <c>iat</c> and <c>exp</c> into this thread's buffer; returns its length.</summary>
    private static int WriteLongestPayload(ReqioUser user, ReqioProject project) =>
        TokenEncoder.WriteLongestPayload(user, project, TokenBuffer.Over(ThreadBuffer, 0, TokenEncoder.MaxPayloadLength));
}
