using Microsoft.AspNetCore.Mvc.RazorPages;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example (Razor Pages): the page model renders the whole tag, the page writes it raw.</summary>
// The widget loads for every visitor: with a token for a signed-in user, without one for an anonymous visitor.
public sealed class FeedbackPageModel(ReqioProject reqio) : PageModel
{
    public string ReqioScriptTag { get; private set; } = "";

    public void OnGet() =>
        ReqioScriptTag = User.Identity?.IsAuthenticated == true
            ? ReqioWidget.ScriptTag(reqio, ReqioToken.Mint(User.ToReqioUser(), reqio))
            : ReqioWidget.AnonymousScriptTag(reqio);
}
