using System.Text;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace FirstToken;

/// <summary>jose-jwt: the claims and the key bytes, <c>JWT.Encode</c> with HS256.</summary>
internal static class Contender
{
    public static string MintFirstToken() =>
        Jose.JWT.Encode(PeerClaims.Build(ReferenceUser.Id, ReferenceUser.Email, ReferenceUser.Plan, ReferenceUser.AmountCents, ReferenceUser.Audience,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ReferenceUser.LifetimeSeconds), Encoding.UTF8.GetBytes(ReferenceUser.Secret), Jose.JwsAlgorithm.HS256);
}
