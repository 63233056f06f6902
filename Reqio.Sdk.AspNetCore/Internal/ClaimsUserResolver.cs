using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The default <see cref="IReqioUserResolver"/>: the id from <c>sub</c>, else <see cref="ClaimTypes.NameIdentifier"/>;
/// the email address from <c>email</c>, else <see cref="ClaimTypes.Email"/>; no traits.
/// </summary>
internal sealed class ClaimsUserResolver : IReqioUserResolver
{
    public ValueTask<ReqioUser?> ResolveAsync(HttpContext context)
    {
        ClaimsPrincipal principal = context.User;
        string? id = First(principal, "sub", ClaimTypes.NameIdentifier);
        return new(id is null ? null : new ReqioUser(id, First(principal, "email", ClaimTypes.Email)));
    }

    private static string? First(ClaimsPrincipal principal, string type, string otherType) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value
        : principal.FindFirst(otherType)?.Value is { Length: > 0 } other ? other
        : null;
}
