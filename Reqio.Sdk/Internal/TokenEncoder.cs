using System.Diagnostics;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// The encoder: lays a token out (<see cref="Measure"/>), then writes it (<see cref="Write"/>): the payload JSON into
/// scratch space, its base64url after the header, then the MAC of both into the scratch space (the JSON is no longer
/// needed) and its base64url after the second dot. The token is written once, straight into its destination.
/// </summary>
internal static class TokenEncoder
{
    /// <summary>Digits of the largest <c>iat</c>/<c>exp</c>: 9999-12-31T23:59:59Z is 253402300799.</summary>
    public const int MaxTimeDigits = 12;

    private static readonly long s_maxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    // base64url('{"alg":"HS256","typ":"JWT"}') and the dot after it.
    private static readonly byte[] s_header = Ascii("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");

    private static readonly byte[] s_subOpen = Ascii("{\"sub\":\"");
    private static readonly byte[] s_emailOpen = Ascii("\",\"email\":\"");
    private static readonly byte[] s_traitsOpen = Ascii(",\"traits\":{");
    private static readonly byte[] s_planOpen = Ascii("\"plan\":\"");
    private static readonly byte[] s_amountOpen = Ascii("\"amount\":");
    private static readonly byte[] s_intervalMonth = Ascii("\"interval\":\"month\"");
    private static readonly byte[] s_intervalYear = Ascii("\"interval\":\"year\"");
    private static readonly byte[] s_audienceOpen = Ascii(",\"aud\":\"");
    private static readonly byte[] s_issuedAtOpen = Ascii("\",\"iat\":");
    private static readonly byte[] s_expiresAtOpen = Ascii(",\"exp\":");

    /// <summary>
    /// Length of <c>{"sub":"…"</c>, <c>,"email":"…"</c> and <c>,"traits":{…}</c> from the escaped lengths;
    /// <paramref name="emailLength"/> is -1 when there is no email, <paramref name="traitsLength"/> 0 when there are no traits.
    /// </summary>
    public static int MeasureUser(int idLength, int emailLength, int traitsLength)
    {
        int length = s_subOpen.Length + idLength + 1;
        if (emailLength >= 0)
        {
            length += s_emailOpen.Length + emailLength;
        }

        if (traitsLength > 0)
        {
            length += s_traitsOpen.Length - 1 + traitsLength;
        }

        return length;
    }

    /// <summary>
    /// Length of the traits object <c>{…}</c>, or 0 when every member is absent; <paramref name="planLength"/> is the
    /// escaped plan's length, or -1 when there is no plan.
    /// </summary>
    public static int MeasureTraits(int planLength, long? amountCents, BillingInterval? interval)
    {
        int members = 0;
        int length = 0;
        if (planLength >= 0)
        {
            members++;
            length += s_planOpen.Length + planLength + 1;
        }

        if (amountCents is { } amount)
        {
            members++;
            length += s_amountOpen.Length + JsonNumber.CountDigits(amount);
        }

        if (interval is { } value)
        {
            members++;
            length += IntervalMember(value).Length;
        }

        return members == 0 ? 0 : length + (members - 1) + 2;
    }

    /// <summary>Builds <c>,"aud":"…","iat":</c> once per options object, so minting copies it.</summary>
    public static byte[] BuildAudienceClaim(string audience, int escapedLength)
    {
        var bytes = new byte[s_audienceOpen.Length + escapedLength + s_issuedAtOpen.Length];
        var buffer = TokenBuffer.Over(bytes, 0, bytes.Length);
        int position = buffer.Write(0, s_audienceOpen);
        position = JsonString.Write(buffer, position, audience);
        position = buffer.Write(position, s_issuedAtOpen);
        Debug.Assert(position == bytes.Length, "The audience claim was measured exactly.");
        return bytes;
    }

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
                $"The options' Clock returned {now:O}; iat must be at or after 1970-01-01T00:00:00Z and exp ({options.LifetimeSeconds} s later) at or before 9999-12-31T23:59:59Z.");
        }

        return issuedAt;
    }

    /// <summary>Lays out the token issued at <paramref name="issuedAt"/> (from <see cref="ReadClock"/>).</summary>
    public static TokenLayout Layout(ReqioUser user, ReqioOptions options, long issuedAt)
    {
        long expiresAt = issuedAt + options.LifetimeSeconds;
        int jsonLength = MeasurePayload(user, options, JsonNumber.CountDigits(issuedAt), JsonNumber.CountDigits(expiresAt));
        return new TokenLayout(issuedAt, expiresAt, jsonLength);
    }

    /// <summary>The longest token <paramref name="user"/> can get with <paramref name="options"/>, at any time.</summary>
    public static int MeasureLongest(ReqioUser user, ReqioOptions options) =>
        new TokenLayout(0, 0, MeasurePayload(user, options, MaxTimeDigits, MaxTimeDigits)).TokenLength;

    /// <summary>
    /// Writes the token laid out by <paramref name="layout"/> into <paramref name="token"/>, which is exactly that
    /// long, using <paramref name="scratch"/> (<see cref="TokenLayout.ScratchLength"/> bytes) for the JSON and the MAC.
    /// </summary>
    public static void Write(ReqioUser user, ReqioOptions options, in TokenLayout layout, TokenBuffer token, TokenBuffer scratch)
    {
        Debug.Assert(token.Length == layout.TokenLength, "The token is cut to its length.");
        Debug.Assert(scratch.Length >= layout.ScratchLength, "The scratch space holds the JSON and the MAC.");

        int end = WritePayload(user, options, layout, scratch);
        Debug.Assert(end == layout.JsonLength, "The payload was measured exactly.");

        int position = token.Write(0, s_header);
        Base64UrlWriter.Encode(scratch, layout.JsonLength, token, position);
        position += layout.PayloadLength;
        token[position] = (byte)'.';

        options.Signer.Sign(token, position, scratch);
        Base64UrlWriter.Encode(scratch, Hs256Signer.MacLength, token, position + 1);
    }

    private static int MeasurePayload(ReqioUser user, ReqioOptions options, int issuedAtDigits, int expiresAtDigits) =>
        user.JsonLength + options.AudienceClaim.Length + issuedAtDigits + s_expiresAtOpen.Length + expiresAtDigits + 1;

    /// <summary>Writes the payload JSON laid out by <paramref name="layout"/> at the start of <paramref name="buffer"/>; returns its length.</summary>
    public static int WritePayload(ReqioUser user, ReqioOptions options, in TokenLayout layout, TokenBuffer buffer)
    {
        bool plain = user.IsPlainText;
        int position = buffer.Write(0, s_subOpen);
        position = WriteString(buffer, position, user.Id, plain);
        if (user.Email is { } email)
        {
            position = buffer.Write(position, s_emailOpen);
            position = WriteString(buffer, position, email, plain);
        }

        buffer[position++] = (byte)'"';
        if (user.Traits is { JsonLength: > 0 } traits)
        {
            position = WriteTraits(traits, buffer, position, plain);
        }

        position = buffer.Write(position, options.AudienceClaim);
        position = JsonNumber.Write(buffer, position, layout.IssuedAt);
        position = buffer.Write(position, s_expiresAtOpen);
        position = JsonNumber.Write(buffer, position, layout.ExpiresAt);
        buffer[position++] = (byte)'}';
        return position;
    }

    private static int WriteTraits(ReqioTraits traits, TokenBuffer buffer, int position, bool plain)
    {
        position = buffer.Write(position, s_traitsOpen);
        bool first = true;
        if (traits.Plan is { } plan)
        {
            position = buffer.Write(position, s_planOpen);
            position = WriteString(buffer, position, plan, plain);
            buffer[position++] = (byte)'"';
            first = false;
        }

        if (traits.AmountCents is { } amount)
        {
            position = first ? position : Comma(buffer, position);
            position = buffer.Write(position, s_amountOpen);
            position = JsonNumber.Write(buffer, position, amount);
            first = false;
        }

        if (traits.Interval is { } interval)
        {
            position = first ? position : Comma(buffer, position);
            position = buffer.Write(position, IntervalMember(interval));
        }

        buffer[position++] = (byte)'}';
        return position;
    }

    /// <summary>Writes a string's body: copied as ASCII when its user's strings are all plain, else escaped.</summary>
    private static int WriteString(TokenBuffer buffer, int position, string value, bool plain) =>
        plain ? buffer.WriteAscii(position, value) : JsonString.Write(buffer, position, value);

    private static int Comma(TokenBuffer buffer, int position)
    {
        buffer[position] = (byte)',';
        return position + 1;
    }

    private static byte[] IntervalMember(BillingInterval interval) =>
        interval == BillingInterval.Year ? s_intervalYear : s_intervalMonth;

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
