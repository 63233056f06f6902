using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// The token endpoint of the single-page-app recipe (docs/recipes/spa.md, <c>ReqioTokenEndpoint.cs</c> and
/// <c>ReqioPrincipal.cs</c>), as an app writes it without Reqio.Sdk.AspNetCore: the user from the sign-in's claims,
/// <c>MintWithExpiry</c> with the <see cref="ReqioProject"/> the app registered as a service, <c>no-store</c>, and
/// <c>Results.Ok</c> of a record. One change from the recipe: the response carries the project id as well, so this
/// endpoint and <c>MapReqioToken</c> answer the same JSON and the comparison is of equal work. The app requires the
/// sign-in's policy of it, as the recipe's <c>.RequireAuthorization()</c> does.
/// </summary>
internal static class HandWrittenTokenEndpoint
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app, string pattern) =>
        app.MapGet(pattern, (HttpContext http, ReqioProject reqio) =>
        {
            ReqioIdentityToken minted = ReqioToken.MintWithExpiry(ToReqioUser(http.User), reqio);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new HandWrittenTokenResponse(minted.Token, minted.ExpiresAt.ToUnixTimeSeconds(), reqio.ProjectId));
        });

    /// <summary>The recipe's <c>ReqioPrincipal.ToReqioUser</c>, without traits as the recipe's endpoint calls it.</summary>
    private static ReqioUser ToReqioUser(ClaimsPrincipal principal) => new(
        id: principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The signed-in user has no NameIdentifier claim."),
        email: principal.FindFirstValue(ClaimTypes.Email),
        traits: null);
}
