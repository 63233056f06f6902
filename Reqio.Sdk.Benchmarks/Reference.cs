using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// The reference user every benchmark mints (the README's example, a 331-character token), and the check each
/// [GlobalSetup] runs so no benchmark can time a wrong answer: a valid HS256 signature with the key, and exactly
/// the claims asked for.
/// </summary>
internal static class Reference
{
    public const string Secret = "rq_sk_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";
    public const string Audience = "https://reqio.app/p/proj_abc123";
    public const int LifetimeSeconds = 300;

    public static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    public static ReqioUser User { get; } = new("user_8f3a2c", "ada.lovelace@example.com", ReqioTraits.Monthly("pro", 4900));

    public static ReqioOptions Options { get; } = new(Secret, Audience);

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The claims as a dictionary, for the peers that take one.</summary>
    public static Dictionary<string, object> Claims(ReqioUser user, long issuedAt)
    {
        var claims = new Dictionary<string, object> { ["sub"] = user.Id };
        if (user.Email is not null)
        {
            claims["email"] = user.Email;
        }

        if (user.Traits is { } traits)
        {
            claims["traits"] = new Dictionary<string, object>
            {
                ["plan"] = traits.Plan!,
                ["amount"] = traits.AmountCents!.Value,
                ["interval"] = traits.Interval == BillingInterval.Year ? "year" : "month",
            };
        }

        claims["aud"] = Audience;
        claims["iat"] = issuedAt;
        claims["exp"] = issuedAt + LifetimeSeconds;
        return claims;
    }

    /// <summary>Throws unless <paramref name="token"/> is HS256 under <see cref="Key"/> and carries <paramref name="user"/>'s claims.</summary>
    public static void Verify(string token, ReqioUser user, string who)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"{who}: not a JWS compact token: {token}");
        }

        JsonObject header = JsonNode.Parse(Jwt.Base64UrlDecode(parts[0]))!.AsObject();
        if ((string?)header["alg"] != "HS256")
        {
            throw new InvalidOperationException($"{who}: alg is {header["alg"]}, not HS256");
        }

        byte[] mac = HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (Jwt.Base64UrlEncode(mac) != parts[2])
        {
            throw new InvalidOperationException($"{who}: the signature does not verify");
        }

        // The peers choose their own key order; only Reqio's is fixed (the tests check it), so the claims compare as sets.
        JsonObject payload = Jwt.Payload(token);
        long issuedAt = (long)payload["iat"]!;
        JsonObject expected = Jwt.ExpectedClaims(user, Audience, issuedAt, LifetimeSeconds);
        if (!JsonNode.DeepEquals(payload, expected) || Math.Abs(issuedAt - Now()) > 5)
        {
            throw new InvalidOperationException($"{who}: the claims differ: {payload.ToJsonString()} vs {expected.ToJsonString()}");
        }
    }
}
