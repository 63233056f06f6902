using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The default <see cref="IReqioUserResolver"/>: the id from <c>sub</c>, else <see cref="ClaimTypes.NameIdentifier"/>;
/// the email address from <c>email</c>, else <see cref="ClaimTypes.Email"/>; no traits. The email is optional: one the
/// core refuses is left out (and logged), so the user keeps their identity.
/// </summary>
internal sealed class ClaimsUserResolver(ILogger<ClaimsUserResolver> logger) : IReqioUserResolver
{
    public ValueTask<ReqioUser?> ResolveAsync(HttpContext context)
    {
        ClaimsPrincipal principal = context.User;
        string? id = First(principal, "sub", ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return new((ReqioUser?)null);
        }

        string? email = First(principal, "email", ClaimTypes.Email);
        if (email is not null)
        {
            try
            {
                return new(new ReqioUser(id, email));
            }
            catch (ArgumentException e) when (e.ParamName == "email")
            {
                Log.EmailLeftOut(logger, e.Message);
            }
        }

        return new(new ReqioUser(id));
    }

    private static string? First(ClaimsPrincipal principal, string type, string otherType) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value
        : principal.FindFirst(otherType)?.Value is { Length: > 0 } other ? other
        : null;
}
