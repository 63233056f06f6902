using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>The token app's endpoints, as symbols: the server maps them, the load generator and the review name them.</summary>
internal static class TokenEndpoints
{
    public static readonly TokenEndpoint Reqio = new("/reqio", "Reqio.Sdk", Ours: true,
        "builds a `ReqioUser` from the app's user record (`new ReqioUser(id, email, ReqioTraits.Monthly(plan, cents))`) "
        + "and mints with `ReqioToken.Mint`, its `ReqioProject` built once at startup", ResponseShape.Token, Reference.User, TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint JsonWebTokenHandler = new("/jsonwebtokenhandler", "JsonWebTokenHandler", Ours: false,
        "builds the claims dictionary from the same record and mints with `JsonWebTokenHandler.CreateToken`, "
        + "its handler and signing credentials built once at startup", ResponseShape.Token, Reference.User, TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint Constant = new("/constant", "constant token", Ours: false,
        "returns a token Reqio.Sdk minted once at startup, as long as the Reqio.Sdk endpoint's: "
        + "the framework's own cost of a request answered with a token", ResponseShape.Token, Reference.User, TimeSpan.FromHours(1));

    public static readonly TokenEndpoint MapReqioToken = new(ReqioEndpointRouteBuilderExtensions.DefaultTokenPath, "MapReqioToken", Ours: true,
        "Reqio.Sdk.AspNetCore's `app.MapReqioToken()`, behind the reference sign-in: the package's default user resolver "
        + "reads the id and email from the signed-in user's claims, `MintWithExpiry` mints with the project `AddReqio` "
        + "built once at startup (its settings in code), and the package writes `{token, expiresAt, projectId}` with "
        + "`Utf8JsonWriter` and `Cache-Control: no-store`", ResponseShape.TokenJson, Reference.SignedInUser, TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint HandWritten = new("/api/reqio-token", "hand-written (recipe)", Ours: false,
        "the single-page-app recipe's endpoint as the guide writes it, its response given the project id too, behind the "
        + "same sign-in: a `ReqioUser` from the same claims, `MintWithExpiry` with the `ReqioProject` the app registered "
        + "as a service (built once at startup by `ReqioProject.FromSettings`), `Cache-Control: no-store`, and "
        + "`Results.Ok` of a record the minimal API serializes to the same JSON", ResponseShape.TokenJson, Reference.SignedInUser, TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint PageWithWidget = new("/page/with-widget", "page with <reqio-widget />", Ours: true,
        "a small Razor page (a heading and the signed-in user's email, no layout) with `<reqio-widget />`, behind the same "
        + "sign-in: the tag helper mints the user's token as `MapReqioToken` does, renders the widget's script tag with "
        + "it and marks the page `no-store, private`", ResponseShape.PageWithWidget, Reference.SignedInUser, TimeSpan.FromSeconds(5));

    public static readonly TokenEndpoint PageWithoutWidget = new("/page/without-widget", "the same page without it", Ours: false,
        "the same Razor page without the tag, behind the same sign-in: no token, no script", ResponseShape.Page, Reference.SignedInUser, TimeSpan.FromHours(1));

    public static readonly IReadOnlyList<TokenEndpoint> All = [Reqio, JsonWebTokenHandler, Constant, MapReqioToken, HandWritten, PageWithWidget, PageWithoutWidget];
}
