using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The widget's script tag for a request, shared by the tag helper and the component: with a fresh token for a
/// signed-in user, without one for everybody else. A response that carries a token is marked
/// <c>Cache-Control: no-store, private</c> while its headers are still open.
/// </summary>
internal static class WidgetMarkup
{
    public const string NoStorePrivate = "no-store, private";

    public static async Task<string> RenderAsync(HttpContext context, string? nonce)
    {
        nonce ??= context.RequestServices.GetRequiredService<IOptions<ReqioOptions>>().Value.NonceResolver?.Invoke(context);
        ReqioIdentity identity = await context.RequestServices.GetRequiredService<ReqioIdentityIssuer>().IssueAsync(context).ConfigureAwait(false);
        if (!identity.HasToken)
        {
            return ReqioWidget.AnonymousScriptTag(identity.Project, nonce);
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Headers.CacheControl = NoStorePrivate;
        }

        return ReqioWidget.ScriptTag(identity.Project, identity.Token.Token, nonce);
    }
}
