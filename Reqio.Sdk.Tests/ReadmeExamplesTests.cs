#if REQIO_SPANS
using System.Buffers;
#endif
using System.Text;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's C# examples, as code that compiles and runs. Each region between <c>// snippet: name</c> and
/// <c>// end snippet</c> is a README block word for word (ReadmeSyncTests compares them); what surrounds a region sets
/// up its variables and checks what it did.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    [Test]
    public void Mint_with_a_project()
    {
        string secret = Secret;

        // snippet: mint-with-project
        var project = new ReqioProject(secret: secret, audience: "https://reqio.app/p/proj_abc123");
        // or: ReqioProject.FromProjectId(secret, "proj_abc123")
        // or: ReqioProject.FromEnvironment()

        var user = new ReqioUser(
            id: "user_8f3a2c",
            email: "ada.lovelace@example.com",
            traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900));

        string token = ReqioToken.Mint(user, project);
        // end snippet

        var payload = IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(secret), Audience, DateTimeOffset.UtcNow);
        Assert.That(Jwt.SameClaims(payload, Jwt.ExpectedClaims(user, Audience, (long)payload["iat"]!, 300)), Is.True);
        Assert.That(ReqioProject.FromProjectId(secret, "proj_abc123").Audience, Is.EqualTo(project.Audience));
    }

    [Test]
    public void Yearly_plans_and_traits()
    {
        // snippet: traits
        var yearly = ReqioTraits.Yearly(plan: "business", amountCents: 58_800);   // Reqio shows 49.00 a month
        var planOnly = new ReqioTraits(plan: "free");
        // end snippet

        Assert.That(yearly.AmountCents, Is.EqualTo(58_800));
        Assert.That(yearly.Interval, Is.EqualTo(BillingInterval.Year));
        Assert.That(planOnly.AmountCents, Is.Null);
    }

    [Test]
    public void The_whole_script_tag_for_a_signed_in_user()
    {
        string tag = RenderTag(new ReqioUser("user_8f3a2c"), "cmVxaW8tbm9uY2U=");

        Assert.That(tag, Does.StartWith("<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" data-identity-token=\"eyJ"));
        Assert.That(tag, Does.EndWith("\" nonce=\"cmVxaW8tbm9uY2U=\" async></script>"));
    }

    [Test]
    public void The_tag_for_an_anonymous_visitor_has_no_token()
    {
        string tag = RenderTag(null, "cmVxaW8tbm9uY2U=");

        Assert.That(tag, Is.EqualTo("<script src=\"https://reqio.app/widget.js\" data-project-id=\"proj_abc123\" nonce=\"cmVxaW8tbm9uY2U=\" async></script>"));
    }

    /// <summary>The README's tag for a page: <paramref name="user"/> is the signed-in user, or null for an anonymous visitor.</summary>
    private static string RenderTag(ReqioUser? user, string nonce)
    {
        var project = ReqioProject.FromProjectId(Secret, "proj_abc123");

        // snippet: script-tag
        string tag = user is null
            ? ReqioWidget.AnonymousScriptTag(project, nonce)                          // an anonymous visitor
            : ReqioWidget.ScriptTag(project, ReqioToken.Mint(user, project), nonce);  // a signed-in user
        // end snippet

        return tag;
    }

#if REQIO_SPANS
    [Test]
    public void TryMint_into_a_buffer()
    {
        var project = new ReqioProject(Secret, Audience) { Clock = new FixedClock(1_764_000_000) };
        var user = new ReqioUser("user_8f3a2c");
        var output = new ArrayBufferWriter<byte>();

        // snippet: trymint
        Span<byte> buffer = stackalloc byte[ReqioToken.MaxTokenLength];
        if (ReqioToken.TryMint(user, project, buffer, out int written))
        {
            output.Write(buffer[..written]);   // ASCII: write it straight to the response
        }
        // end snippet

        Assert.That(Encoding.ASCII.GetString(output.WrittenSpan.ToArray()), Is.EqualTo(ReqioToken.Mint(user, project)));
    }
#endif

#if REQIO_NET8
    [Test]
    public void Clock_and_lifetime()
    {
        string secret = Secret;
        string audience = Audience;
        var timeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000));

        // snippet: time
        var project = new ReqioProject(secret, audience)
        {
            Lifetime = TimeSpan.FromMinutes(2),                  // whole seconds, 1 s to 1 h; default 300 s
            Clock = ReqioClock.FromTimeProvider(timeProvider),   // .NET 8+; or any IReqioClock
        };
        // end snippet

        var payload = Jwt.Payload(ReqioToken.Mint(new ReqioUser("42"), project));
        Assert.That((long)payload["iat"]!, Is.EqualTo(1_764_000_000));
        Assert.That((long)payload["exp"]!, Is.EqualTo(1_764_000_120));
    }
#endif
}
