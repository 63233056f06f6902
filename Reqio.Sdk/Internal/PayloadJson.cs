using System.Diagnostics;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// The payload's JSON: <c>sub</c>, <c>email</c>, <c>traits</c> {<c>plan</c>, <c>amount</c>, <c>interval</c>},
/// <c>aud</c>, <c>iat</c>, <c>exp</c>, in that order, without white space, absent values left out. Measures each part
/// from escaped string lengths, so a token is laid out before a byte is written, and writes the whole at once.
/// </summary>
internal static class PayloadJson
{
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

    /// <summary>
    /// Length of the whole payload for <paramref name="user"/> and <paramref name="options"/>, with <c>iat</c> and
    /// <c>exp</c> of the given numbers of digits.
    /// </summary>
    public static int Measure(ReqioUser user, ReqioOptions options, int issuedAtDigits, int expiresAtDigits) =>
        user.JsonLength + options.AudienceClaim.Length + issuedAtDigits + s_expiresAtOpen.Length + expiresAtDigits + 1;

    /// <summary>Builds <c>,"aud":"…","iat":</c> once per options object, so minting copies it.</summary>
    public static byte[] BuildAudienceClaim(string audience)
    {
        int escapedLength = JsonString.CheckUtf16AndGetEscapedLength(audience, nameof(audience));
        var bytes = new byte[s_audienceOpen.Length + escapedLength + s_issuedAtOpen.Length];
        var buffer = TokenBuffer.Over(bytes, 0, bytes.Length);
        int position = buffer.Write(0, s_audienceOpen);
        position = WriteString(buffer, position, audience, plain: escapedLength == audience.Length);
        position = buffer.Write(position, s_issuedAtOpen);
        Debug.Assert(position == bytes.Length, "The audience claim was measured exactly.");
        return bytes;
    }

    /// <summary>Writes the payload at the start of <paramref name="buffer"/>; returns its length.</summary>
    public static int Write(ReqioUser user, ReqioOptions options, in TokenLayout layout, TokenBuffer buffer)
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

    /// <summary>Writes a string's body: copied as it is when its user's strings are all plain, else escaped.</summary>
    private static int WriteString(TokenBuffer buffer, int position, string value, bool plain) =>
        plain ? JsonString.WritePlain(buffer, position, value) : JsonString.Write(buffer, position, value);

    private static int Comma(TokenBuffer buffer, int position)
    {
        buffer[position] = (byte)',';
        return position + 1;
    }

    private static byte[] IntervalMember(BillingInterval interval) =>
        interval == BillingInterval.Year ? s_intervalYear : s_intervalMonth;

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
