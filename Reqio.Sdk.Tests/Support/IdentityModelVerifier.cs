using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reqio.Sdk.Tests.Support;

/// <summary>Verifies tokens with Microsoft.IdentityModel.JsonWebTokens, an independent HS256 implementation.</summary>
internal static class IdentityModelVerifier
{
    private static readonly JsonWebTokenHandler s_handler = new();

    /// <summary>Verifies signature, algorithm, audience and lifetime at <paramref name="now"/>; returns the payload.</summary>
    public static JsonObject Verify(string token, byte[] key, string audience, DateTimeOffset now)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidAudience = audience,
            ValidateIssuer = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && now.UtcDateTime < exp && (notBefore is null || notBefore <= now.UtcDateTime),
        };
        TokenValidationResult result = s_handler.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            throw new AssertionException($"Microsoft.IdentityModel rejected the token: {result.Exception}");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.That(jwt.Alg, Is.EqualTo("HS256"));
        Assert.That(jwt.Typ, Is.EqualTo("JWT"));
        return JsonNode.Parse(System.Text.Encoding.UTF8.GetString(Jwt.Base64UrlDecode(jwt.EncodedPayload)))!.AsObject();
    }
}
