using System.Text;

namespace FirstToken;

/// <summary>jose-jwt: the claims and the key bytes, <c>JWT.Encode</c> with HS256.</summary>
internal static class Contender
{
    public static string MintFirstToken() =>
        Jose.JWT.Encode(PeerClaims.Build(DateTimeOffset.UtcNow.ToUnixTimeSeconds()), Encoding.UTF8.GetBytes(ReferenceUser.Secret), Jose.JwsAlgorithm.HS256);
}
