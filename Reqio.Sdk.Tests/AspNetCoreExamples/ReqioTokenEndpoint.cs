using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>What the SPA token endpoint returns: <c>{"token":"…","expiresAt":&lt;unix seconds&gt;}</c>.</summary>
public sealed record ReqioTokenResponse(string Token, long ExpiresAt);

/// <summary>docs/advanced.md (without the companion): the token endpoint a single-page app calls after sign-in, at the path Reqio.Sdk.AspNetCore's MapReqioToken uses.</summary>
public static class ReqioTokenEndpoint
{
    public static RouteHandlerBuilder MapReqioToken(this IEndpointRouteBuilder app, string pattern = "/reqio/token") =>
        app.MapGet(pattern, (HttpContext http, ReqioProject reqio) =>
        {
            ReqioIdentityToken minted = ReqioToken.MintWithExpiry(http.User.ToReqioUser(), reqio);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new ReqioTokenResponse(minted.Token, minted.ExpiresAt.ToUnixTimeSeconds()));
        })
        .RequireAuthorization();   // signed-in users only; anonymous callers get the app's sign-in challenge
}
