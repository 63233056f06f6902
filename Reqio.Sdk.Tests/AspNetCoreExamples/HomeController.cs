using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Reqio.Sdk.Tests.AspNetCoreExamples;

/// <summary>README example (MVC): the controller mints, the view renders the widget's tag.</summary>
[Authorize]
public sealed class HomeController(ReqioOptions reqio) : Controller
{
    public IActionResult Index()
    {
        ViewData["ReqioProjectId"] = reqio.ProjectId;
        ViewData["ReqioToken"] = ReqioToken.Mint(User.ToReqioUser(), reqio);
        return View();
    }
}
