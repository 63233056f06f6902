using System.Security.Claims;

namespace Reqio.Sdk.Tests.AspNetCoreExamples;

/// <summary>README example: the signed-in user of ASP.NET Core as a <see cref="ReqioUser"/>.</summary>
public static class ReqioPrincipal
{
    /// <summary>Maps the claims your sign-in sets; swap in your own plan lookup for the traits.</summary>
    public static ReqioUser ToReqioUser(this ClaimsPrincipal principal) => new(
        id: principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The signed-in user has no NameIdentifier claim."),
        email: principal.FindFirstValue(ClaimTypes.Email),
        traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900));
}
