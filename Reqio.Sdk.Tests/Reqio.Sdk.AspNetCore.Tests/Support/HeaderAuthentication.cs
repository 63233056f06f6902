using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reqio.Sdk.AspNetCore.Tests.Support;

/// <summary>
/// A sign-in for tests: a request with an <c>X-Claims</c> header (<c>type=value;type=value</c>) is signed in with
/// those claims; one without is anonymous. It only authenticates: the app's challenge is a cookie sign-in's redirect,
/// so a test sees whether the endpoint challenged.
/// </summary>
internal sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Header";
    public const string Header = "X-Claims";

    /// <summary>The header value for a user with these claims.</summary>
    public static string Claims(params (string Type, string Value)[] claims) =>
        string.Join(";", Array.ConvertAll(claims, c => c.Type + "=" + c.Value));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>();
        foreach (string pair in header.ToString().Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            claims.Add(new Claim(pair[..equals], pair[(equals + 1)..]));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }
}
