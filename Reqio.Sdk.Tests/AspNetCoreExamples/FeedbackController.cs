using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example (MVC): the controller renders the widget's tag, the view writes it.</summary>
[Authorize]
public sealed class FeedbackController(ReqioProject reqio) : Controller
{
    public IActionResult Index()
    {
        ViewData["ReqioScriptTag"] = ReqioWidget.ScriptTag(reqio, ReqioToken.Mint(User.ToReqioUser(), reqio));
        return View();
    }
}
