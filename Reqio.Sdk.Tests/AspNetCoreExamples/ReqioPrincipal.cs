using System.Security.Claims;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example: the signed-in user of ASP.NET Core as a <see cref="ReqioUser"/>.</summary>
public static class ReqioPrincipal
{
    // Maps the claims your sign-in sets. For the user's subscription, look their plan up and pass it as traits,
    // such as ReqioTraits.Monthly(plan: "pro", amountCents: 4900); without one, traits stay out of the token.
    public static ReqioUser ToReqioUser(this ClaimsPrincipal principal, ReqioTraits? traits = null) => new(
        id: principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The signed-in user has no NameIdentifier claim."),
        email: principal.FindFirstValue(ClaimTypes.Email),
        traits: traits);
}
