using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The token endpoint: <c>{"token":"…","expiresAt":&lt;unix seconds&gt;,"projectId":"…"}</c> for a signed-in user,
/// 401 for an anonymous caller (without the app's challenge, so never a redirect), a problem response for a signed-in
/// user Reqio cannot identify. Never cached.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        ReqioIdentity identity = await context.RequestServices.GetRequiredService<ReqioIdentityIssuer>().IssueAsync(context).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        if (!identity.SignedIn)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!identity.HasToken)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "No Reqio identity for this user",
                detail: "The signed-in user has no id Reqio can use, or a value Reqio refuses; the server's log names the rule.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var body = new ArrayBufferWriter<byte>(ReqioToken.MaxTokenLength / 8);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("token", identity.Token.Token);
            json.WriteNumber("expiresAt", identity.Token.ExpiresAt.ToUnixTimeSeconds());
            json.WriteString("projectId", identity.Project.ProjectId);
            json.WriteEndObject();
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.WrittenCount;
        await context.Response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
