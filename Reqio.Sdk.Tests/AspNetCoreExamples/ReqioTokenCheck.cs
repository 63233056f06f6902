using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReadmeExamples;

/// <summary>
/// Checks a Reqio token in your own tests, refusing what the Troubleshooting table says Reqio refuses: a signature
/// that is not HS256 with the secret's UTF-8 bytes, an <c>aud</c> other than the project's, an expired token, an
/// <c>iat</c> in the future, an <c>exp</c> that is not <c>iat</c> plus the lifetime, and a missing claim.
/// Test projects only: it needs the package Microsoft.IdentityModel.JsonWebTokens.
/// </summary>
public static class ReqioTokenCheck
{
    /// <summary>
    /// How far in the future <c>iat</c> may be before this check refuses the token. Reqio does not document its own
    /// allowance, so this check takes one minute; a server whose clock is further ahead mints tokens Reqio refuses.
    /// </summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>The token lifetime the SDK uses unless <c>ReqioProject.Lifetime</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(300);

    private static readonly string[] s_requiredClaims = ["sub", "aud", "iat", "exp"];

    /// <summary>
    /// Returns the token's claims when this check accepts it; otherwise throws
    /// <see cref="SecurityTokenValidationException"/> saying why.
    /// </summary>
    /// <param name="token">The token your app returned.</param>
    /// <param name="secret">The project's secret, exactly as the Reqio dashboard shows it.</param>
    /// <param name="audience">The project's audience, such as <c>https://reqio.app/p/proj_abc123</c>.</param>
    /// <param name="lifetime">Your <c>ReqioProject.Lifetime</c>; 300 seconds when not given.</param>
    /// <param name="now">The time to check against; the system clock when not given.</param>
    public static async Task<JsonWebToken> ValidateAsync(
        string token, string secret, string audience, TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            throw Refused("it is not a JWT (three base64url parts separated by dots)");
        }

        var jwt = handler.ReadJsonWebToken(token);
        if (jwt.Alg != SecurityAlgorithms.HmacSha256)
        {
            throw Refused($"its alg is '{jwt.Alg}'; Reqio accepts HS256 only");
        }

        TokenValidationResult signature = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),   // the secret's UTF-8 bytes, not base64-decoded
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,     // Reqio's tokens carry no iss
            ValidateAudience = false,   // checked below, with a clearer reason
            ValidateLifetime = false,   // checked below: iat and exp, and the lifetime between them
        }).ConfigureAwait(false);
        if (!signature.IsValid)
        {
            throw Refused($"its signature does not verify with the secret's UTF-8 bytes ({signature.Exception?.Message})");
        }

        string? missing = s_requiredClaims.FirstOrDefault(claim => !jwt.TryGetClaim(claim, out _));
        if (missing is not null)
        {
            throw Refused($"it has no '{missing}' claim");
        }

        if (!jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Sub, out string? subject) || string.IsNullOrEmpty(subject))
        {
            throw Refused("its 'sub' is not a non-empty string");
        }

        if (!jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Aud, out string? tokenAudience) || tokenAudience != audience)
        {
            throw Refused($"its aud is {string.Join(", ", jwt.Audiences)}, not this project's {audience}");
        }

        if (!jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Iat, out long issuedAt)
            || !jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Exp, out long expiresAt))
        {
            throw Refused("its iat or exp is not a whole number of seconds");
        }

        long current = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        if (expiresAt <= current)
        {
            throw Refused($"it expired {current - expiresAt} s ago (exp {expiresAt}, now {current})");
        }

        if (issuedAt > current + (long)AllowedClockSkew.TotalSeconds)
        {
            throw Refused($"it was issued {issuedAt - current} s in the future (iat {issuedAt}, now {current}); "
                + $"more than {AllowedClockSkew.TotalSeconds} s ahead means the server's clock is wrong: run NTP");
        }

        long expectedLifetime = (long)(lifetime ?? DefaultLifetime).TotalSeconds;
        if (expiresAt - issuedAt != expectedLifetime)
        {
            throw Refused($"its exp - iat is {expiresAt - issuedAt} s, not the lifetime {expectedLifetime} s");
        }

        return jwt;
    }

    private static SecurityTokenValidationException Refused(string reason) =>
        new($"This check refuses the token: {reason}.");
}
