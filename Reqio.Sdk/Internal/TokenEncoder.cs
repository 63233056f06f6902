using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// The encoder: lays a token out for the clock's current second (<see cref="Measure"/>), then writes it
/// (<see cref="Write"/>): the payload JSON into scratch space, its base64url after the header, then the MAC of both
/// into the scratch space (the JSON is no longer needed) and its base64url after the second dot. The token is written
/// once, straight into its destination.
/// </summary>
internal static class TokenEncoder
{
    /// <summary>Digits of the largest <c>iat</c>/<c>exp</c>: 9999-12-31T23:59:59Z is 253402300799.</summary>
    public const int MaxTimeDigits = 12;

    private static readonly long s_maxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    // base64url('{"alg":"HS256","typ":"JWT"}') and the dot after it.
    private static readonly byte[] s_header = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");

    /// <summary>Reads the clock once and lays out the token for this moment.</summary>
    /// <exception cref="InvalidOperationException">The clock returned a time before 1970, or so late that exp would pass the year 9999.</exception>
    public static TokenLayout Measure(ReqioUser user, ReqioOptions options) => Layout(user, options, ReadClock(options));

    /// <summary>Reads the options' clock: the <c>iat</c> of a token minted now, checked so that <c>exp</c> fits too.</summary>
    /// <exception cref="InvalidOperationException">The clock returned a time before 1970, or so late that exp would pass the year 9999.</exception>
    public static long ReadClock(ReqioOptions options)
    {
        DateTimeOffset now = options.Clock.UtcNow;
        long issuedAt = now.ToUnixTimeSeconds();
        if (issuedAt < 0 || issuedAt + options.LifetimeSeconds > s_maxUnixSeconds)
        {
            ThrowHelper.InvalidOperation(
                $"The options' Clock returned {now.ToString("O", CultureInfo.InvariantCulture)}; iat must be at or after 1970-01-01T00:00:00Z and exp ({options.LifetimeSeconds} s later) at or before 9999-12-31T23:59:59Z.");
        }

        return issuedAt;
    }

    /// <summary>Lays out the token issued at <paramref name="issuedAt"/> (from <see cref="ReadClock"/>).</summary>
    public static TokenLayout Layout(ReqioUser user, ReqioOptions options, long issuedAt)
    {
        long expiresAt = issuedAt + options.LifetimeSeconds;
        int jsonLength = PayloadJson.Measure(user, options, JsonNumber.CountDigits(issuedAt), JsonNumber.CountDigits(expiresAt));
        return new TokenLayout(issuedAt, expiresAt, jsonLength);
    }

    /// <summary>The longest token <paramref name="user"/> can get with <paramref name="options"/>, at any time.</summary>
    public static int MeasureLongest(ReqioUser user, ReqioOptions options) =>
        new TokenLayout(0, 0, PayloadJson.Measure(user, options, MaxTimeDigits, MaxTimeDigits)).TokenLength;

    /// <summary>
    /// Writes the token laid out by <paramref name="layout"/> into <paramref name="token"/>, which is exactly that
    /// long, using <paramref name="scratch"/> (<see cref="TokenLayout.ScratchLength"/> bytes) for the JSON and the MAC.
    /// </summary>
    public static void Write(ReqioUser user, ReqioOptions options, in TokenLayout layout, TokenBuffer token, TokenBuffer scratch)
    {
        Debug.Assert(token.Length == layout.TokenLength, "The token is cut to its length.");
        Debug.Assert(scratch.Length >= layout.ScratchLength, "The scratch space holds the JSON and the MAC.");

        int end = PayloadJson.Write(user, options, layout, scratch);
        Debug.Assert(end == layout.JsonLength, "The payload was measured exactly.");

        int position = token.Write(0, s_header);
        Base64UrlWriter.Encode(scratch, layout.JsonLength, token, position);
        position += layout.PayloadLength;
        token[position] = (byte)'.';

        options.Signer.Sign(token, position, scratch);
        Base64UrlWriter.Encode(scratch, Hs256Signer.MacLength, token, position + 1);
    }
}
