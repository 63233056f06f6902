using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;

namespace Reqio.Sdk.AspNetCore.Components;

/// <summary>
/// <c>&lt;ReqioWidget /&gt;</c> in a Blazor page or layout renders the Reqio widget's script tag: with a fresh
/// identity token for a signed-in user, without one for an anonymous visitor.
/// </summary>
/// <remarks>
/// <para>
/// Render it statically or prerendered (in <c>App.razor</c> or a layout rendered on the server), where the request's
/// <see cref="HttpContext"/> is there: Blazor does not run a <c>&lt;script&gt;</c> it inserts on an interactive
/// re-render, so interactively the component renders nothing. Interactive pages identify the user and refresh the
/// token through JS interop: fetch the token endpoint (<c>MapReqioToken</c>) and call <c>Reqio.identify(token)</c>.
/// </para>
/// <para>
/// A response that carries a token is marked <c>Cache-Control: no-store, private</c> while its headers are open; with
/// streaming rendering, place the component where it renders before the first flush, or disable output caching for
/// the page. A signed-in user Reqio cannot identify gets the tag without a token and a log line naming the rule.
/// </para>
/// </remarks>
public sealed class ReqioWidget : ComponentBase
{
    private string? _markup;

    /// <summary>
    /// The page's Content-Security-Policy nonce (base64 or base64url); when not given,
    /// <see cref="ReqioOptions.NonceResolver"/>'s, if any.
    /// </summary>
    [Parameter]
    public string? Nonce { get; set; }

    /// <summary>The request being rendered, which Blazor cascades during static and prerendered rendering.</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The nonce is not a CSP nonce (base64 or base64url, at most 256 characters).</exception>
    protected override async Task OnParametersSetAsync()
    {
        _markup = HttpContext is null ? null : await WidgetMarkup.RenderAsync(HttpContext, Nonce).ConfigureAwait(true);
    }

    /// <inheritdoc/>
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (_markup is not null)
        {
            builder.AddMarkupContent(0, _markup);
        }
    }
}
