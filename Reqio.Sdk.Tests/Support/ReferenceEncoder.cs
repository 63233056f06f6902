using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The simplest encoder that could be right, for differential tests: strings concatenated, escaped one character at a
/// time by Python's <c>json.dumps(ensure_ascii=True)</c> rules, base64 by <see cref="Convert"/>, MAC by a fresh
/// <see cref="HMACSHA256"/>. Nothing shared with the SDK's span code.
/// </summary>
internal static class ReferenceEncoder
{
    public static string Mint(ReqioUser user, byte[] key, string audience, long issuedAt, long lifetimeSeconds)
    {
        var json = new StringBuilder();
        json.Append("{\"sub\":").Append(Quote(user.Id));
        if (user.Email is not null)
        {
            json.Append(",\"email\":").Append(Quote(user.Email));
        }

        if (user.Traits is { } t && (t.Plan is not null || t.AmountCents is not null || t.Interval is not null))
        {
            var members = new System.Collections.Generic.List<string>();
            if (t.Plan is not null)
            {
                members.Add("\"plan\":" + Quote(t.Plan));
            }

            if (t.AmountCents is not null)
            {
                members.Add("\"amount\":" + t.AmountCents.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (t.Interval is not null)
            {
                members.Add("\"interval\":" + (t.Interval == BillingInterval.Year ? "\"year\"" : "\"month\""));
            }

            json.Append(",\"traits\":{").Append(string.Join(",", members)).Append('}');
        }

        json.Append(",\"aud\":").Append(Quote(audience))
            .Append(",\"iat\":").Append(issuedAt.ToString(CultureInfo.InvariantCulture))
            .Append(",\"exp\":").Append((issuedAt + lifetimeSeconds).ToString(CultureInfo.InvariantCulture))
            .Append('}');

        string signingInput = Jwt.Base64UrlEncode(Encoding.ASCII.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"))
            + "." + Jwt.Base64UrlEncode(Encoding.ASCII.GetBytes(json.ToString()));
        using var hmac = new HMACSHA256(key);
        return signingInput + "." + Jwt.Base64UrlEncode(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>Python's escaping: the output is ASCII, so ASCII bytes are its UTF-8.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c >= ' ' && c <= '~' => c.ToString(),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return text.Append('"').ToString();
    }
}
