using System.Collections.Generic;

namespace Reqio.Sdk.Benchmarks.Fixtures;

/// <summary>
/// The reference user's claims as the peers take them: a new dictionary, built from an application's strings and
/// number. One file for the benchmarks and the first-token apps (FirstToken.csproj links it).
/// </summary>
internal static class PeerClaims
{
    public static Dictionary<string, object> Build(string id, string email, string plan, long amountCents, string audience, long issuedAt, int lifetimeSeconds) => new()
    {
        ["sub"] = id,
        ["email"] = email,
        ["traits"] = new Dictionary<string, object>
        {
            ["plan"] = plan,
            ["amount"] = amountCents,
            ["interval"] = "month",
        },
        ["aud"] = audience,
        ["iat"] = issuedAt,
        ["exp"] = issuedAt + lifetimeSeconds,
    };
}
