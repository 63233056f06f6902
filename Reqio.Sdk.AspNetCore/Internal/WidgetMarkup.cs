using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The widget's script tag for a request, shared by the tag helper and the component: with a fresh token for a
/// signed-in user, without one for everybody else. A response that carries a token is marked
/// <c>Cache-Control: no-store, private</c> while its headers are still open.
/// </summary>
internal static class WidgetMarkup
{
    public const string NoStorePrivate = "no-store, private";

    /// <summary>
    /// Renders the tag. A nonce given explicitly (the attribute, the parameter) is checked as the core checks it; one
    /// from the app's resolver is the page's own: none (null or empty) renders no nonce, and one the core refuses is
    /// logged and left out, so a resolver never takes a page down.
    /// </summary>
    public static async Task<string> RenderAsync(HttpContext context, string? nonce)
    {
        IServiceProvider services = context.RequestServices;
        nonce ??= ResolvedNonce(context, services);
        ReqioIdentity identity = await services.GetRequiredService<ReqioIdentityIssuer>().IssueAsync(context).ConfigureAwait(false);
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

    private static string? ResolvedNonce(HttpContext context, IServiceProvider services)
    {
        ReqioProjectSource source = services.GetRequiredService<ReqioProjectSource>();
        string? nonce = source.NonceResolver?.Invoke(context);
        if (string.IsNullOrEmpty(nonce))
        {
            return null;
        }

        try
        {
            _ = ReqioWidget.AnonymousScriptTag(source.Current, nonce);
            return nonce;
        }
        catch (ArgumentException e) when (e.ParamName == "nonce")
        {
            Log.NonceRefused(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WidgetMarkup)), e.Message);
            return null;
        }
    }
}
