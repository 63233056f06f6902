using System.Globalization;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// The encoder: reads the clock (<see cref="ReadClock"/>), writes the payload JSON into scratch space
/// (<see cref="WritePayload"/>), then the token (<see cref="WriteToken"/>): the header, the JSON's base64url, and the
/// MAC of both, computed into the scratch space (the JSON is no longer needed) and written as base64url after the
/// second dot. The JSON is written once; its length gives the token's before a byte of the token is written.
/// </summary>
internal static class TokenEncoder
{
    /// <summary>Base64url of <c>{"alg":"HS256","typ":"JWT"}</c> and the dot after it.</summary>
    public const int HeaderLength = 37;

    /// <summary>The dot before the signature and the 43 characters of a base64url HMAC-SHA256.</summary>
    public const int SignatureLength = 44;

    /// <summary>The scratch space every payload fits in, and later the MAC.</summary>
    public const int MaxPayloadLength = PayloadJson.MaxLength;

    /// <summary>A time of <see cref="PayloadJson.MaxTimeDigits"/> digits, for sizing: no token's is longer.</summary>
    private const long LongestTime = 999_999_999_999;

    private static readonly long s_maxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    // base64url('{"alg":"HS256","typ":"JWT"}') and the dot after it.
    private static readonly byte[] s_header = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");

    /// <summary>Reads the project's clock: the <c>iat</c> of a token minted now, checked so that <c>exp</c> fits too.</summary>
    /// <exception cref="InvalidOperationException">The clock returned a time before 1970, or so late that exp would pass the year 9999.</exception>
    public static long ReadClock(ReqioProject project)
    {
        DateTimeOffset now = project.Clock.UtcNow;
        long issuedAt = now.ToUnixTimeSeconds();
        if (issuedAt < 0 || issuedAt + project.LifetimeSeconds > s_maxUnixSeconds)
        {
            ThrowHelper.InvalidOperation(
                $"The project's Clock returned {now.ToString("O", CultureInfo.InvariantCulture)}; iat must be at or after 1970-01-01T00:00:00Z and exp ({project.LifetimeSeconds} s later) at or before 9999-12-31T23:59:59Z.");
        }

        return issuedAt;
    }

    /// <summary>Writes the payload of the token issued at <paramref name="issuedAt"/> into <paramref name="json"/>; returns its length.</summary>
    public static int WritePayload(ReqioUser user, ReqioProject project, long issuedAt, TokenBuffer json) =>
        PayloadJson.Write(user, project, issuedAt, issuedAt + project.LifetimeSeconds, json);

    /// <summary>Writes the payload with the longest <c>iat</c> and <c>exp</c> any token has; returns its length.</summary>
    public static int WriteLongestPayload(ReqioUser user, ReqioProject project, TokenBuffer json) =>
        PayloadJson.Write(user, project, LongestTime, LongestTime, json);

    /// <summary>The token's length for a payload of <paramref name="jsonLength"/> bytes, in chars and in bytes alike.</summary>
    public static int GetTokenLength(int jsonLength) => HeaderLength + Base64UrlWriter.GetEncodedLength(jsonLength) + SignatureLength;

    /// <summary>
    /// Writes the token whose payload is the first <paramref name="jsonLength"/> bytes of <paramref name="json"/> into
    /// <paramref name="token"/>, exactly <see cref="GetTokenLength"/> long. The MAC is computed into
    /// <paramref name="json"/>, whose JSON is then spent.
    /// </summary>
    public static void WriteToken(ReqioProject project, TokenBuffer json, int jsonLength, TokenBuffer token)
    {
        int position = token.Write(0, s_header);
        Base64UrlWriter.Encode(json, jsonLength, token, position);
        position += Base64UrlWriter.GetEncodedLength(jsonLength);
        token[position] = (byte)'.';

        project.Signer.Sign(token, position, json);
        Base64UrlWriter.Encode(json, Hs256Signer.MacLength, token, position + 1);
    }
}
