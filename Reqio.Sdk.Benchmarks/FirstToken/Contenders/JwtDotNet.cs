using System.Text;
using JWT;
using JWT.Algorithms;
using JWT.Serializers;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace FirstToken;

/// <summary>JWT (jwt-dotnet): an encoder with its HS256 algorithm and Json.NET serializer, the claims, <c>Encode</c>.</summary>
internal static class Contender
{
    public static string MintFirstToken()
    {
        var encoder = new JwtEncoder(new HMACSHA256Algorithm(), new JsonNetSerializer(), new JwtBase64UrlEncoder());
        return encoder.Encode(PeerClaims.Build(ReferenceUser.Id, ReferenceUser.Email, ReferenceUser.Plan, ReferenceUser.AmountCents, ReferenceUser.Audience,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ReferenceUser.LifetimeSeconds), Encoding.UTF8.GetBytes(ReferenceUser.Secret));
    }
}
