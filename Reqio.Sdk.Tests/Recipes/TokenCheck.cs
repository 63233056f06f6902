using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
#if README_TOKEN_CHECK
using ReadmeExamples;
#endif

namespace Reqio.Sdk.Recipes;

/// <summary>
/// Verifies a token a recipe returned: with the README's own check (ReqioTokenCheck.cs) when the repository has it,
/// else with JsonWebTokenHandler and the same rules (HS256 with the secret's UTF-8 bytes, the project's aud, not
/// expired, iat not ahead of now by more than a minute); then the subject the check signed in, where it knows one.
/// </summary>
internal static class TokenCheck
{
#if README_TOKEN_CHECK
    public const string Name = "the README's ReqioTokenCheck.ValidateAsync";
#else
    public const string Name = "JsonWebTokenHandler (ReqioTokenCheck.cs is not in this repository)";
#endif

    /// <summary>Throws <see cref="RecipeFailedException"/> saying why, unless Reqio would accept <paramref name="token"/>.</summary>
    /// <returns>The token's <c>exp</c>, in Unix seconds.</returns>
    public static async Task<long> VerifyAsync(string token, string secret, string audience, string? subject, string where)
    {
        JsonWebToken jwt;
        try
        {
#if README_TOKEN_CHECK
            jwt = await ReqioTokenCheck.ValidateAsync(token, secret, audience).ConfigureAwait(false);
#else
            jwt = await ValidateAsync(token, secret, audience).ConfigureAwait(false);
#endif
        }
        catch (SecurityTokenException e)
        {
            throw new RecipeFailedException($"{where}: the token is refused: {e.Message}{Environment.NewLine}  token: {token}");
        }

        if (subject is not null && (!jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Sub, out string? sub) || sub != subject))
        {
            throw new RecipeFailedException($"{where}: the token's sub is not the signed-in user {subject}.{Environment.NewLine}  payload: {Base64UrlEncoder.Decode(jwt.EncodedPayload)}");
        }

        return jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Exp, out long exp) ? exp : throw new RecipeFailedException($"{where}: the token has no numeric exp.");
    }

    private static readonly TimeSpan s_allowedClockSkew = TimeSpan.FromMinutes(1);

    private static async Task<JsonWebToken> ValidateAsync(string token, string secret, string audience)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            throw new SecurityTokenMalformedException("it is not a JWT.");
        }

        JsonWebToken jwt = handler.ReadJsonWebToken(token);
        TokenValidationResult result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidAudience = audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
            RequireExpirationTime = true,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new SecurityTokenValidationException(result.Exception?.Message ?? "it does not validate.");
        }

        if (!jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Iat, out long iat)
            || iat > DateTimeOffset.UtcNow.Add(s_allowedClockSkew).ToUnixTimeSeconds())
        {
            throw new SecurityTokenValidationException($"its iat is missing or more than {s_allowedClockSkew.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ahead.");
        }

        if (!jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Sub, out string? sub) || string.IsNullOrEmpty(sub))
        {
            throw new SecurityTokenValidationException("it has no sub.");
        }

        return jwt;
    }

    /// <summary>The project id an audience names (<c>https://reqio.app/p/{id}</c>).</summary>
    public static string ProjectId(string audience) =>
        audience[(audience.LastIndexOf('/') + 1)..];

    /// <summary>Pairs of variable and value every recipe's app reads its settings from.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string secret, string audience) => new Dictionary<string, string?>
    {
        ["REQIO_SECRET"] = secret,
        ["REQIO_AUDIENCE"] = audience,
        ["REQIO_PROJECT_ID"] = ProjectId(audience),
    };
}
