using System.Security.Claims;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example: the signed-in user of ASP.NET Core as a <see cref="ReqioUser"/>.</summary>
public static class ReqioPrincipal
{
    // Maps the claims your sign-in sets; look the user's plan up here for the traits.
    public static ReqioUser ToReqioUser(this ClaimsPrincipal principal) => new(
        id: principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The signed-in user has no NameIdentifier claim."),
        email: principal.FindFirstValue(ClaimTypes.Email),
        traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900));
}
