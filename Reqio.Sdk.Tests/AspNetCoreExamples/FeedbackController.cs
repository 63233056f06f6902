using Microsoft.AspNetCore.Mvc;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example (MVC): the controller renders the widget's tag, the view writes it.</summary>
// The widget loads for every visitor: with a token for a signed-in user, without one for an anonymous visitor.
public sealed class FeedbackController(ReqioProject reqio) : Controller
{
    public IActionResult Index()
    {
        ViewData["ReqioScriptTag"] = User.Identity?.IsAuthenticated == true
            ? ReqioWidget.ScriptTag(reqio, ReqioToken.Mint(User.ToReqioUser(), reqio))
            : ReqioWidget.AnonymousScriptTag(reqio);
        return View();
    }
}
