using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReadmeExamples;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>
/// Verifies a token a recipe returned with the guide's own check (ReqioTokenCheck.cs, from docs/testing.md), then
/// the subject the check signed in, where it knows one.
/// </summary>
internal static class TokenCheck
{
    public const string Name = "the guide's ReqioTokenCheck.ValidateAsync";

    /// <summary>Throws <see cref="RecipeFailedException"/> saying why, unless the guide's check accepts <paramref name="token"/>.</summary>
    /// <returns>The token's <c>exp</c>, in Unix seconds.</returns>
    public static async Task<long> VerifyAsync(string token, string secret, string audience, string? subject, string where)
    {
        JsonWebToken jwt;
        try
        {
            jwt = await ReqioTokenCheck.ValidateAsync(token, secret, audience).ConfigureAwait(false);
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

    /// <summary>The project id an audience names (<c>https://reqio.app/p/{id}</c>).</summary>
    public static string ProjectId(string audience) =>
        audience[(audience.LastIndexOf('/') + 1)..];

    /// <summary>
    /// The settings every recipe's app reads, as the guide tells users to give them: the secret and the project id
    /// (not the audience, which would take precedence over the id).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Settings(string secret, string audience) => new Dictionary<string, string?>
    {
        ["REQIO_SECRET"] = secret,
        ["REQIO_PROJECT_ID"] = ProjectId(audience),
    };

    /// <summary>
    /// The same two settings as a web recipe's app reads them through Reqio.Sdk.AspNetCore: the section <c>Reqio</c>,
    /// which the guide sets with user-secrets (<c>Reqio:Secret</c>) and which the environment gives as <c>Reqio__Secret</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SectionSettings(string secret, string audience) => new Dictionary<string, string?>
    {
        ["Reqio__Secret"] = secret,
        ["Reqio__ProjectId"] = ProjectId(audience),
    };
}
