using System.Collections.Generic;

namespace FirstToken;

/// <summary>The reference user's claims as the peers take them: a dictionary, built from the strings and the number.</summary>
internal static class PeerClaims
{
    public static Dictionary<string, object> Build(long issuedAt) => new()
    {
        ["sub"] = ReferenceUser.Id,
        ["email"] = ReferenceUser.Email,
        ["traits"] = new Dictionary<string, object>
        {
            ["plan"] = ReferenceUser.Plan,
            ["amount"] = ReferenceUser.AmountCents,
            ["interval"] = "month",
        },
        ["aud"] = ReferenceUser.Audience,
        ["iat"] = issuedAt,
        ["exp"] = issuedAt + ReferenceUser.LifetimeSeconds,
    };
}
