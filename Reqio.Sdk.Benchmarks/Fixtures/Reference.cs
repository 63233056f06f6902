using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks.Fixtures;

/// <summary>
/// The reference user every benchmark mints for (the README's example, a 331-character token), as an application
/// holds it, and the check each benchmark's setup runs so no benchmark can time a wrong answer: a valid HS256
/// signature with the key, and exactly the claims asked for.
/// </summary>
internal static class Reference
{
    public const string Secret = "rq_sk_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";
    public const string Audience = "https://reqio.app/p/proj_abc123";
    public const int LifetimeSeconds = 300;

    public static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    /// <summary>The user as the application's own record: strings and a number.</summary>
    public static AppUser AppUser { get; } = new("user_8f3a2c", "ada.lovelace@example.com", "pro", 4900);

    /// <summary>The user built once, for the contenders that reuse it.</summary>
    public static ReqioUser User { get; } = AppUser.ToReqioUser();

    public static ReqioProject Options { get; } = new(Secret, Audience);

    /// <summary>
    /// The reference user as an ASP.NET Core app's sign-in holds it, in its claims (the id and the email address, no
    /// traits), and so as both Reqio.Sdk.AspNetCore's default user resolver and the single-page-app recipe read it back.
    /// </summary>
    public static ReqioUser SignedInUser { get; } = new(AppUser.Id, AppUser.Email);

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The claims as the peers take them: a new dictionary, built from the application's record.</summary>
    public static Dictionary<string, object> Claims(AppUser user, long issuedAt) =>
        PeerClaims.Build(user.Id, user.Email, user.Plan, user.AmountCents, Audience, issuedAt, LifetimeSeconds);

    /// <summary>
    /// Throws unless <paramref name="token"/> is HS256 under <see cref="Key"/>, carries <paramref name="user"/>'s claims,
    /// and was issued within <paramref name="maxAge"/> (5 seconds unless given) of now.
    /// </summary>
    public static void Verify(string token, ReqioUser user, string who, TimeSpan? maxAge = null)
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
        if (!JsonNode.DeepEquals(payload, expected) || Math.Abs(issuedAt - Now()) > (maxAge ?? TimeSpan.FromSeconds(5)).TotalSeconds)
        {
            throw new InvalidOperationException($"{who}: the claims differ: {payload.ToJsonString()} vs {expected.ToJsonString()}");
        }
    }
}

/// <summary>A signed-in user as an application keeps it, before it becomes a token's claims.</summary>
internal sealed record AppUser(string Id, string Email, string Plan, long AmountCents)
{
    /// <summary>What an application does per request for Reqio.Sdk: a checked <see cref="ReqioUser"/> from its record.</summary>
    public ReqioUser ToReqioUser() => new(Id, Email, ReqioTraits.Monthly(Plan, AmountCents));
}
