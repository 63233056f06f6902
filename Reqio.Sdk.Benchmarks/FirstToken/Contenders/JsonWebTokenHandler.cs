using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace FirstToken;

/// <summary>Microsoft.IdentityModel.JsonWebTokens: a key, signing credentials, the claims, <c>CreateToken</c>.</summary>
internal static class Contender
{
    public static string MintFirstToken()
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ReferenceUser.Secret)), SecurityAlgorithms.HmacSha256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = PeerClaims.Build(ReferenceUser.Id, ReferenceUser.Email, ReferenceUser.Plan, ReferenceUser.AmountCents, ReferenceUser.Audience,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ReferenceUser.LifetimeSeconds),
            SigningCredentials = credentials,
        });
    }
}
