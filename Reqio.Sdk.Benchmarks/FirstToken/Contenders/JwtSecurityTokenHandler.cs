using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace FirstToken;

/// <summary>System.IdentityModel.Tokens.Jwt: a key, signing credentials, a payload of the claims, <c>WriteToken</c>.</summary>
internal static class Contender
{
    public static string MintFirstToken()
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ReferenceUser.Secret)), SecurityAlgorithms.HmacSha256);
        var payload = new JwtPayload();
        foreach (var claim in PeerClaims.Build(ReferenceUser.Id, ReferenceUser.Email, ReferenceUser.Plan, ReferenceUser.AmountCents, ReferenceUser.Audience,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ReferenceUser.LifetimeSeconds))
        {
            payload[claim.Key] = claim.Value;
        }

        var handler = new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.WriteToken(new JwtSecurityToken(new JwtHeader(credentials), payload));
    }
}
