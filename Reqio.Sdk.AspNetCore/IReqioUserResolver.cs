using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// Says who the signed-in user of a request is, for the token endpoint, the tag helper and the component. The one
/// way to supply the user: register your own implementation (scoped, so it can use the request's services, a
/// database context among them) and it replaces the default.
/// </summary>
/// <remarks>
/// <para>
/// The default reads the signed-in <see cref="System.Security.Claims.ClaimsPrincipal"/>: the id from <c>sub</c>,
/// else <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>; the email address from <c>email</c>, else
/// <see cref="System.Security.Claims.ClaimTypes.Email"/>; no traits. Where that is wrong, write your own: with
/// Microsoft Entra ID, the stable id is <c>oid</c> (<c>sub</c> differs per application); an email claim your sign-in
/// has not verified goes to Reqio as it is.
/// </para>
/// <para>
/// It is asked only for an authenticated user (<c>User.Identity.IsAuthenticated</c>); an anonymous visitor is
/// anonymous without asking. Returning <see langword="null"/> means the signed-in user has no id Reqio can use: no
/// token, and the endpoint answers with a problem response. A user <see cref="ReqioUser"/> refuses (its constructor
/// throws <see cref="ArgumentException"/>) is treated the same way, and the log names the rule.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// sealed class PlanUserResolver(AppDb db) : IReqioUserResolver
/// {
///     public async ValueTask&lt;ReqioUser?&gt; ResolveAsync(HttpContext context)
///     {
///         string? id = context.User.FindFirstValue("oid");
///         if (id is null) return null;
///         var plan = await db.Plans.FindAsync(id);
///         return new ReqioUser(id, context.User.FindFirstValue("email"),
///             plan is null ? null : ReqioTraits.Monthly(plan.Name, plan.AmountCents));
///     }
/// }
/// // builder.Services.AddScoped&lt;IReqioUserResolver, PlanUserResolver&gt;();
/// </code>
/// </example>
public interface IReqioUserResolver
{
    /// <summary>Returns the signed-in user of <paramref name="context"/>, or <see langword="null"/> when the user has no id Reqio can use.</summary>
    /// <param name="context">The request; its <see cref="HttpContext.User"/> is authenticated.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">A value <see cref="ReqioUser"/> or <see cref="ReqioTraits"/> refuses; the caller logs the rule and mints no token.</exception>
    ValueTask<ReqioUser?> ResolveAsync(HttpContext context);
}
