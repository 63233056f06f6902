using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's C# examples, as code that compiles and runs: when an API changes, this file breaks before the
/// README lies. Keep the two in step.
/// </summary>
public sealed class ReadmeExamplesTests
{

    [Test]
    public void Mint_with_options()
    {
        // README: "Mint with options"
        var options = new ReqioOptions(secret: Secret, audience: "https://reqio.app/p/proj_abc123");
        // or: ReqioOptions.ForProject(Secret, "proj_abc123")

        var user = new ReqioUser(
            id: "user_8f3a2c",
            email: "ada.lovelace@example.com",
            traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900));

        string token = ReqioToken.Mint(user, options);

        Assert.That(token, Does.StartWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
        Assert.That(ReqioOptions.ForProject(Secret, "proj_abc123").Audience, Is.EqualTo(options.Audience));
    }

    [Test]
    public void Yearly_plans_and_traits()
    {
        // README: traits
        var yearly = ReqioTraits.Yearly(plan: "business", amountCents: 58_800);   // Reqio shows 49.00 a month
        var planOnly = new ReqioTraits(plan: "free");

        Assert.That(yearly.MonthlyAmountCents, Is.EqualTo(4900m));
        Assert.That(planOnly.AmountCents, Is.Null);
    }

    [Test]
    public void Clock_and_lifetime()
    {
        // README: "Time"
        var options = new ReqioOptions(Secret, "https://reqio.app/p/proj_abc123")
        {
            Lifetime = TimeSpan.FromMinutes(2),
            Clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000)),
        };

        var payload = Jwt.Payload(ReqioToken.Mint(new ReqioUser("42"), options));

        Assert.That((long)payload["exp"]!, Is.EqualTo(1_764_000_120));
    }

#if REQIO_SPANS
    [Test]
    public void TryMint_into_a_buffer()
    {
        var options = ReqioOptions.ForProject(Secret, "proj_abc123");
        var user = new ReqioUser("user_8f3a2c");

        // README: "TryMint into a buffer"
        Span<byte> buffer = stackalloc byte[ReqioToken.MaxTokenLength];
        if (ReqioToken.TryMint(user, options, buffer, out int written))
        {
            ReadOnlySpan<byte> token = buffer[..written];   // ASCII: write it straight to the response
            Assert.That(token.Length, Is.EqualTo(ReqioToken.Mint(user, options).Length));
        }
        else
        {
            Assert.Fail("MaxTokenLength always suffices");
        }
    }
#endif
}
