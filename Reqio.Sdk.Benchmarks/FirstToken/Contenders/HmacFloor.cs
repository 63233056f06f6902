using System.Security.Cryptography;
using System.Text;

namespace FirstToken;

/// <summary>
/// The floor: the least a .NET app does to mint this token, with no library. The claims are spliced into a fixed
/// JSON text (right only because the reference user needs no escaping), base64url comes from <see cref="Convert"/>,
/// and one keyed <see cref="HMACSHA256"/> signs.
/// </summary>
internal static class Contender
{
    public static string MintFirstToken()
    {
        long issuedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string payload = "{\"sub\":\"" + ReferenceUser.Id + "\",\"email\":\"" + ReferenceUser.Email
            + "\",\"traits\":{\"plan\":\"" + ReferenceUser.Plan + "\",\"amount\":" + ReferenceUser.AmountCents
            + ",\"interval\":\"month\"},\"aud\":\"" + ReferenceUser.Audience + "\",\"iat\":" + issuedAt
            + ",\"exp\":" + (issuedAt + ReferenceUser.LifetimeSeconds) + "}";
        string signingInput = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + Base64Url(Encoding.UTF8.GetBytes(payload));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(ReferenceUser.Secret));
        return signingInput + "." + Base64Url(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
