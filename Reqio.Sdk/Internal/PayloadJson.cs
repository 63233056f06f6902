using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// The payload's JSON: <c>sub</c>, <c>email</c>, <c>traits</c> {<c>plan</c>, <c>amount</c>, <c>interval</c>},
/// <c>aud</c>, <c>iat</c>, <c>exp</c>, in that order, without white space, absent values left out. Written in one
/// walk into scratch space that every payload fits in (<see cref="MaxLength"/>); its length is known once written.
/// </summary>
internal static class PayloadJson
{
    /// <summary>Digits of the largest <c>iat</c>/<c>exp</c>: 9999-12-31T23:59:59Z is 253402300799.</summary>
    public const int MaxTimeDigits = 12;

    /// <summary>
    /// The longest payload: every string at six bytes a character (a <c>\u</c> escape; a surrogate pair is two), and
    /// the rest at its longest: <c>{"sub":""</c> 9, <c>,"email":""</c> 11, <c>,"traits":{</c> 11, <c>"plan":""</c> 9,
    /// <c>,"amount":</c> 10 and 16 digits, <c>,"interval":"month"</c> 19, <c>}</c> 1, <c>,"aud":""</c> 9,
    /// <c>,"iat":</c> 7 and 12 digits, <c>,"exp":</c> 7 and 12 digits, <c>}</c> 1.
    /// </summary>
    public const int MaxLength =
        (6 * (ReqioUser.MaxIdLength + ReqioUser.MaxEmailLength + ReqioTraits.MaxPlanLength + ReqioProject.MaxAudienceLength))
        + 9 + 11 + 11 + 9 + 10 + 16 + 19 + 1 + 9 + 7 + MaxTimeDigits + 7 + MaxTimeDigits + 1;

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

    /// <summary>Builds <c>,"aud":"…","iat":</c> once per project, so minting copies it.</summary>
    public static byte[] BuildAudienceClaim(string audience)
    {
        var scratch = new byte[s_audienceOpen.Length + (6 * ReqioProject.MaxAudienceLength) + s_issuedAtOpen.Length];
        var buffer = TokenBuffer.Over(scratch, 0, scratch.Length);
        int position = buffer.Write(0, s_audienceOpen);
        position = JsonString.Write(buffer, position, audience);
        position = buffer.Write(position, s_issuedAtOpen);
        var claim = new byte[position];
        Array.Copy(scratch, claim, position);
        return claim;
    }

    /// <summary>Writes the payload at the start of <paramref name="buffer"/> (at least <see cref="MaxLength"/> bytes); returns its length.</summary>
    public static int Write(ReqioUser user, ReqioProject project, long issuedAt, long expiresAt, TokenBuffer buffer)
    {
        int position = buffer.Write(0, s_subOpen);
        position = JsonString.Write(buffer, position, user.Id);
        if (user.Email is { } email)
        {
            position = buffer.Write(position, s_emailOpen);
            position = JsonString.Write(buffer, position, email);
        }

        buffer[position++] = (byte)'"';
        if (user.Traits is { IsEmpty: false } traits)
        {
            position = WriteTraits(traits, buffer, position);
        }

        position = buffer.Write(position, project.AudienceClaim);
        position = JsonNumber.Write(buffer, position, issuedAt);
        position = buffer.Write(position, s_expiresAtOpen);
        position = JsonNumber.Write(buffer, position, expiresAt);
        buffer[position++] = (byte)'}';
        return position;
    }

    private static int WriteTraits(ReqioTraits traits, TokenBuffer buffer, int position)
    {
        position = buffer.Write(position, s_traitsOpen);
        bool first = true;
        if (traits.Plan is { } plan)
        {
            position = buffer.Write(position, s_planOpen);
            position = JsonString.Write(buffer, position, plan);
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
            position = buffer.Write(position, interval == BillingInterval.Year ? s_intervalYear : s_intervalMonth);
        }

        buffer[position++] = (byte)'}';
        return position;
    }

    private static int Comma(TokenBuffer buffer, int position)
    {
        buffer[position] = (byte)',';
        return position + 1;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
