using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example (Razor Pages): the page model renders the whole tag, the page writes it raw.</summary>
[Authorize]
public sealed class FeedbackPageModel(ReqioProject reqio) : PageModel
{
    public string ReqioScriptTag { get; private set; } = "";

    public void OnGet() =>
        ReqioScriptTag = ReqioWidget.ScriptTag(reqio, ReqioToken.Mint(User.ToReqioUser(), reqio));
}
