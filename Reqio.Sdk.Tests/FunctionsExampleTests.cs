using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReqioFunctions;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's Azure Functions token endpoint (FunctionsExample/ReqioTokenFunction.cs), called as the isolated
/// worker's ASP.NET Core integration calls it: with the request App Service Authentication passed on.
/// </summary>
[NonParallelizable]
public sealed class FunctionsExampleTests
{
    private const string AuthenticationOn = "WEBSITE_AUTH_ENABLED";

    private static readonly ReqioProject s_options = new(Secret, Audience) { Clock = new FixedClock(1_764_000_000) };

    /// <summary>App Service with its Authentication on, as the function requires.</summary>
    [SetUp]
    public void TurnAppServiceAuthenticationOn() => Environment.SetEnvironmentVariable(AuthenticationOn, "True");

    [TearDown]
    public void TurnAppServiceAuthenticationOff() => Environment.SetEnvironmentVariable(AuthenticationOn, null);

    [Test]
    public void A_signed_in_user_gets_a_token_and_its_expiry()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-ID"] = "0f6a0c1e-aad-user";
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "ada.lovelace@example.com";

        IActionResult result = new ReqioTokenFunction(s_options).Run(context.Request);

        var body = (ReqioTokenResponse)((OkObjectResult)result).Value!;
        var payload = IdentityModelVerifier.Verify(body.Token, Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.FromUnixTimeSeconds(1_764_000_001));
        Assert.That((string?)payload["sub"], Is.EqualTo("0f6a0c1e-aad-user"));
        Assert.That((string?)payload["email"], Is.EqualTo("ada.lovelace@example.com"));
        Assert.That(body.ExpiresAt, Is.EqualTo((long)payload["exp"]!));
        Assert.That(context.Response.Headers.CacheControl.ToString(), Is.EqualTo("no-store"));
    }

    [Test]
    public void A_principal_name_that_is_not_an_address_is_left_out()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-ID"] = "github|42";
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "octocat";

        var body = (ReqioTokenResponse)((OkObjectResult)new ReqioTokenFunction(s_options).Run(context.Request)).Value!;

        Assert.That(Jwt.Payload(body.Token).ContainsKey("email"), Is.False);
    }

    [Test]
    public void Without_App_Service_Authentications_user_it_answers_401()
    {
        IActionResult result = new ReqioTokenFunction(s_options).Run(new DefaultHttpContext().Request);

        Assert.That(result, Is.TypeOf<UnauthorizedResult>());
    }

    [TestCase(null)]
    [TestCase("False")]
    public void Without_App_Service_Authentication_on_a_forged_principal_header_gets_401(string? authenticationOn)
    {
        Environment.SetEnvironmentVariable(AuthenticationOn, authenticationOn);
        var context = new DefaultHttpContext();
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-ID"] = "someone-else";

        IActionResult result = new ReqioTokenFunction(s_options).Run(context.Request);

        Assert.That(result, Is.TypeOf<UnauthorizedResult>());
    }
}
