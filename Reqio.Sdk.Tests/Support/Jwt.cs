using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Reqio.Sdk.Tests.Support;

/// <summary>Reads tokens apart, and builds the claims a token should carry straight from the inputs.</summary>
internal static class Jwt
{
    public static byte[] Base64UrlDecode(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    public static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string PayloadJson(string token) => Encoding.UTF8.GetString(Base64UrlDecode(token.Split('.')[1]));

    public static JsonObject Payload(string token) => JsonNode.Parse(PayloadJson(token))!.AsObject();

    /// <summary>The claims, in the order the spec gives, built with System.Text.Json from the inputs alone.</summary>
    public static JsonObject ExpectedClaims(ReqioUser user, string audience, long issuedAt, long lifetimeSeconds)
    {
        var claims = new JsonObject { ["sub"] = user.Id };
        if (user.Email is not null)
        {
            claims["email"] = user.Email;
        }

        if (user.Traits is { } traits && (traits.Plan is not null || traits.AmountCents is not null || traits.Interval is not null))
        {
            var json = new JsonObject();
            if (traits.Plan is not null)
            {
                json["plan"] = traits.Plan;
            }

            if (traits.AmountCents is not null)
            {
                json["amount"] = traits.AmountCents;
            }

            if (traits.Interval is not null)
            {
                json["interval"] = traits.Interval == BillingInterval.Year ? "year" : "month";
            }

            claims["traits"] = json;
        }

        claims["aud"] = audience;
        claims["iat"] = issuedAt;
        claims["exp"] = issuedAt + lifetimeSeconds;
        return claims;
    }

    /// <summary>Deep equality that also requires the same key order, since the spec fixes it.</summary>
    public static bool SameClaims(JsonNode? actual, JsonNode? expected) =>
        JsonNode.DeepEquals(actual, expected) && KeyOrder(actual) == KeyOrder(expected);

    private static string KeyOrder(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => p.Key + ":" + KeyOrder(p.Value))) + "}",
        _ => "",
    };
}
