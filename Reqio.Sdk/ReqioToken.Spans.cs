using System.Text;

namespace Reqio.Sdk;

// Where spans exist (netstandard2.1, net8.0): the TryMint tiers; the payload JSON and the token on the stack.
public static partial class ReqioToken
{
    /// <summary>Mints a token into <paramref name="destination"/> without allocating.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="project">The project's key, audience, lifetime and clock.</param>
    /// <param name="destination">Where to write the token; <see cref="GetMaxTokenLength"/> or <see cref="MaxTokenLength"/> characters always suffice.</param>
    /// <param name="charsWritten">The token's length, or 0 when <paramref name="destination"/> is too short.</param>
    /// <returns>
    /// <see langword="true"/> when the token was written; <see langword="false"/> when <paramref name="destination"/>
    /// is too short, in which case nothing was written to it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="project"/>'s clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static bool TryMint(ReqioUser user, ReqioProject project, Span<char> destination, out int charsWritten)
    {
        long issuedAt = ReadClock(user, project);
        Span<byte> json = stackalloc byte[TokenEncoder.MaxPayloadLength];
        int jsonLength = TokenEncoder.WritePayload(user, project, issuedAt, new TokenBuffer(json));
        int length = TokenEncoder.GetTokenLength(jsonLength);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        Span<byte> token = stackalloc byte[length];
        TokenEncoder.WriteToken(project, new TokenBuffer(json), jsonLength, new TokenBuffer(token));
        charsWritten = Encoding.ASCII.GetChars(token, destination);
        return true;
    }

    /// <summary>Mints a token as UTF-8 (which, the token being ASCII, is one byte a character) without allocating.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="project">The project's key, audience, lifetime and clock.</param>
    /// <param name="utf8Destination">Where to write the token; <see cref="GetMaxTokenLength"/> or <see cref="MaxTokenLength"/> bytes always suffice.</param>
    /// <param name="bytesWritten">The token's length, or 0 when <paramref name="utf8Destination"/> is too short.</param>
    /// <returns>
    /// <see langword="true"/> when the token was written; <see langword="false"/> when <paramref name="utf8Destination"/>
    /// is too short, in which case nothing was written to it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="project"/>'s clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static bool TryMint(ReqioUser user, ReqioProject project, Span<byte> utf8Destination, out int bytesWritten)
    {
        long issuedAt = ReadClock(user, project);
        Span<byte> json = stackalloc byte[TokenEncoder.MaxPayloadLength];
        int jsonLength = TokenEncoder.WritePayload(user, project, issuedAt, new TokenBuffer(json));
        int length = TokenEncoder.GetTokenLength(jsonLength);
        if (utf8Destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        TokenEncoder.WriteToken(project, new TokenBuffer(json), jsonLength, new TokenBuffer(utf8Destination.Slice(0, length)));
        bytesWritten = length;
        return true;
    }

    /// <summary>Writes the token on the stack, then makes the string of it: the string is the one allocation.</summary>
    private static string CreateString(ReqioUser user, ReqioProject project, long issuedAt)
    {
        Span<byte> json = stackalloc byte[TokenEncoder.MaxPayloadLength];
        int jsonLength = TokenEncoder.WritePayload(user, project, issuedAt, new TokenBuffer(json));
        Span<byte> token = stackalloc byte[TokenEncoder.GetTokenLength(jsonLength)];
        TokenEncoder.WriteToken(project, new TokenBuffer(json), jsonLength, new TokenBuffer(token));
        return Encoding.ASCII.GetString(token);
    }

    /// <summary>Writes the payload with the longest <c>iat</c> and <c>exp</c> on the stack; returns its length.</summary>
    private static int WriteLongestPayload(ReqioUser user, ReqioProject project)
    {
        Span<byte> json = stackalloc byte[TokenEncoder.MaxPayloadLength];
        return TokenEncoder.WriteLongestPayload(user, project, new TokenBuffer(json));
    }
}
