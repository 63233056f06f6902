using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reqio.Sdk;

namespace ReqioFunctions;

/// <summary>What the token endpoint returns: the token and its exp, in Unix seconds.</summary>
public sealed record ReqioTokenResponse(string Token, long ExpiresAt);

/// <summary>GET /api/reqio-token: a Reqio token for the user App Service Authentication signed in, 401 otherwise.</summary>
public sealed class ReqioTokenFunction(ReqioProject reqio)
{
    [Function("reqio-token")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reqio-token")] HttpRequest request)
    {
        // App Service Authentication signs the user in and passes who it is in these headers, stripping any a client
        // sends; it sets WEBSITE_AUTH_ENABLED when it is on. Without it (turned off, or another host) anyone could
        // send the headers, so the function refuses. Look the user's plan up here to add traits.
        bool signInIsOn = string.Equals(Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED"), "true", StringComparison.OrdinalIgnoreCase);
        string? id = request.Headers["X-MS-CLIENT-PRINCIPAL-ID"];
        if (!signInIsOn || string.IsNullOrEmpty(id))
        {
            return new UnauthorizedResult();
        }

        string? name = request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"];
        var user = new ReqioUser(id, email: name is not null && name.Contains('@') ? name : null);
        ReqioIdentityToken minted = ReqioToken.MintWithExpiry(user, reqio);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(new ReqioTokenResponse(minted.Token, minted.ExpiresAt.ToUnixTimeSeconds()));
    }
}
