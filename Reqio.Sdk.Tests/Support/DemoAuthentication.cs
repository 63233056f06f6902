using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// Sign-in for the browser tests: the <c>demo-user</c> cookie holds the user id, base64url-encoded so that any
/// text (hostile ids included) survives a cookie. No cookie, no user.
/// </summary>
internal sealed class DemoAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Demo";
    public const string Cookie = "demo-user";

    public static string CookieValue(string userId) => Jwt.Base64UrlEncode(Encoding.UTF8.GetBytes(userId));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(Cookie, out string? value) || string.IsNullOrEmpty(value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string id = Encoding.UTF8.GetString(Jwt.Base64UrlDecode(value));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Email, "signed-in@example.com")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
