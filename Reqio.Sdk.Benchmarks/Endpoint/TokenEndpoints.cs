using System.Collections.Generic;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>The token app's endpoints, as symbols: the server maps them, the load generator and the review name them.</summary>
internal static class TokenEndpoints
{
    public static readonly TokenEndpoint Reqio = new("/reqio", "Reqio.Sdk", Ours: true,
        "builds a `ReqioUser` from the app's user record (`new ReqioUser(id, email, ReqioTraits.Monthly(plan, cents))`) "
        + "and mints with `ReqioToken.Mint`, its `ReqioProject` built once at startup", TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint JsonWebTokenHandler = new("/jsonwebtokenhandler", "JsonWebTokenHandler", Ours: false,
        "builds the claims dictionary from the same record and mints with `JsonWebTokenHandler.CreateToken`, "
        + "its handler and signing credentials built once at startup", TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint Constant = new("/constant", "constant token", Ours: false,
        "returns a token Reqio.Sdk minted once at startup, as long as the Reqio.Sdk endpoint's: "
        + "the framework's own cost of a request answered with a token", TimeSpan.FromHours(1));

    public static readonly IReadOnlyList<TokenEndpoint> All = [Reqio, JsonWebTokenHandler, Constant];
}
