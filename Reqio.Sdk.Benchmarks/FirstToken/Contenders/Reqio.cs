using Reqio.Sdk;

namespace FirstToken;

/// <summary>Reqio.Sdk: options from the secret and audience, the user from its strings and cents, one token.</summary>
internal static class Contender
{
    public static string MintFirstToken()
    {
        var options = new ReqioProject(ReferenceUser.Secret, ReferenceUser.Audience);
        var user = new ReqioUser(ReferenceUser.Id, ReferenceUser.Email, ReqioTraits.Monthly(ReferenceUser.Plan, ReferenceUser.AmountCents));
        return ReqioToken.Mint(user, options);
    }
}
