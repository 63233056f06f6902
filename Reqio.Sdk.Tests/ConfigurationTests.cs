using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// How an application hands the SDK its settings: <c>ReqioToken.Mint(user)</c> straight from the environment, and (in
/// <c>ConfigurationTests.AspNetCore.cs</c>) the README's ASP.NET Core registration through IConfiguration. The
/// process variables are shared, so this fixture runs alone and restores them; it is the only code in the tests that
/// calls <c>Mint(user)</c>, whose first successful read is kept for the life of the process.
/// </summary>
[NonParallelizable]
public sealed partial class ConfigurationTests
{
    private ReqioEnvironment _environment = null!;

    [SetUp]
    public void ClearVariables() => _environment = new ReqioEnvironment();

    [TearDown]
    public void RestoreVariables() => _environment.Dispose();

    [Test]
    public void Mint_user_fails_while_unconfigured_then_reads_once_and_keeps_the_project()
    {
        // A failed read is not kept, whether a variable is missing or refused...
        Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(new ReqioUser("user_8f3a2c")));
        _environment.Set("REQIO_SECRET", Secret + "\n");
        _environment.Set("REQIO_PROJECT_ID", "proj_abc123");
        var padded = Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(new ReqioUser("user_8f3a2c")));
        Assert.That(padded!.Message, Does.Contain("REQIO_SECRET").And.Contain("white space"));

        // ...so setting the variables right afterwards works without a restart.
        _environment.Set("REQIO_SECRET", Secret);
        // snippet: mint-one-line
        string token = ReqioToken.Mint(new ReqioUser("user_8f3a2c", "ada.lovelace@example.com"));
        // end snippet
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = IdentityModelVerifier.Verify(token, System.Text.Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.UtcNow);
        Assert.That((string?)payload["sub"], Is.EqualTo("user_8f3a2c"));
        Assert.That((long)payload["iat"]!, Is.InRange(now - 5, now));

        // The first successful read is kept: later changes to the environment do not move it.
        _environment.Set("REQIO_PROJECT_ID", "another");
        string later = MintFor(new AppUser("user_42", "grace@example.org"));
        Assert.That((string?)Jwt.Payload(later)["aud"], Is.EqualTo(Audience));
        Assert.That((string?)Jwt.Payload(later)["sub"], Is.EqualTo("user_42"));

        static string MintFor(AppUser user)
        {
            string token = ReqioToken.Mint(new ReqioUser(
                id: user.Id,
                email: user.Email,
                traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900)));
            return token;
        }
    }

    /// <summary>An application's own user record, as the README's example reads it.</summary>
    private sealed class AppUser(string id, string? email)
    {
        public string Id { get; } = id;

        public string? Email { get; } = email;
    }
}
