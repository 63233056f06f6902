using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// The token app's sign-in, one authentication scheme for every signed-in endpoint and page: asked about a request, it
/// signs the reference user in, building a principal with the claims a cookie sign-in sets (the id as
/// <see cref="ClaimTypes.NameIdentifier"/>, the email address as <see cref="ClaimTypes.Email"/>) each time, as a
/// cookie handler rebuilds its principal for each request. Nothing is read or decrypted: the comparisons behind it
/// are of what the endpoints do with the user, and this part is the same for each of them. It is asked only where
/// <see cref="Policy"/> is required, so the endpoints without it sign nobody in.
/// </summary>
internal sealed class ReferenceSignIn : IAuthenticationHandler
{
    public const string Scheme = "reference";

    /// <summary>What every signed-in endpoint and page requires: a user this scheme authenticated.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();

    private HttpContext? _context;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync()
    {
        AppUser user = Reference.AppUser;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Email, user.Email)], Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme)));
    }

    public Task ChallengeAsync(AuthenticationProperties? properties) => Answer(StatusCodes.Status401Unauthorized);

    public Task ForbidAsync(AuthenticationProperties? properties) => Answer(StatusCodes.Status403Forbidden);

    private Task Answer(int status)
    {
        _context!.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
