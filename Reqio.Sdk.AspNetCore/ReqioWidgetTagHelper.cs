using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// <c>&lt;reqio-widget /&gt;</c> in an MVC view or a Razor page renders the Reqio widget's script tag: with a fresh
/// identity token for a signed-in user, without one for an anonymous visitor, so the page names the project for
/// everybody and identifies the user when there is one. Add <c>@addTagHelper *, Reqio.Sdk.AspNetCore</c> to
/// <c>_ViewImports.cshtml</c>.
/// </summary>
/// <remarks>
/// <para>
/// A page rendered with a token is marked <c>Cache-Control: no-store, private</c>, so no output cache or CDN hands
/// one user's token to another. Where the headers are already sent (a layout that flushed before the tag), the page
/// is not marked: disable output caching for such pages yourself, or place the tag before any flush.
/// </para>
/// <para>
/// A signed-in user Reqio cannot identify (no id, or a value Reqio refuses) gets the tag without a token, and the log
/// names the rule; the page is never taken down for it.
/// </para>
/// <para>
/// For a single-page app, serve its host page through Razor with this tag: every visitor's page then names the
/// project from the server's settings, and the app calls the token endpoint (<c>MapReqioToken</c>) and
/// <c>Reqio.identify(token)</c> once the user signs in.
/// </para>
/// </remarks>
[HtmlTargetElement("reqio-widget", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ReqioWidgetTagHelper : TagHelper
{
    /// <summary>
    /// The page's Content-Security-Policy nonce (base64 or base64url), from the <c>nonce</c> attribute; when not
    /// given, <see cref="ReqioOptions.NonceResolver"/>'s, if any.
    /// </summary>
    [HtmlAttributeName("nonce")]
    public string? Nonce { get; set; }

    /// <summary>The view being rendered; set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Replaces the element with the widget's script tag.</summary>
    /// <param name="context">The tag helper context.</param>
    /// <param name="output">The element's output.</param>
    /// <returns>A task that completes when the tag is rendered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The nonce is not a CSP nonce (base64 or base64url, at most 256 characters).</exception>
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string tag = await WidgetMarkup.RenderAsync(ViewContext.HttpContext, Nonce).ConfigureAwait(false);
        output.TagName = null;
        output.Content.SetHtmlContent(tag);
    }
}
