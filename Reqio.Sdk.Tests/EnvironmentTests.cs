using System.Collections.Generic;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// <c>ReqioOptions.FromEnvironment</c> and <c>ReqioToken.Mint(user)</c>. The variables are process-wide, so this
/// fixture runs alone and restores them; it is the only code in the tests that calls <c>Mint(user)</c>.
/// </summary>
[NonParallelizable]
public sealed partial class EnvironmentTests
{
    private static readonly string[] s_names = ["REQIO_SECRET", "REQIO_AUDIENCE", "REQIO_PROJECT_ID"];
    private readonly Dictionary<string, string?> _saved = [];

    [SetUp]
    public void ClearVariables()
    {
        foreach (string name in s_names)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [TearDown]
    public void RestoreVariables()
    {
        foreach (string name in s_names)
        {
            Environment.SetEnvironmentVariable(name, _saved[name]);
        }
    }

    [Test]
    public void Nothing_set_names_every_missing_variable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ReqioOptions.FromEnvironment());
        Assert.That(e!.Message, Does.Contain("REQIO_SECRET").And.Contain("REQIO_AUDIENCE").And.Contain("REQIO_PROJECT_ID"));
    }

    [Test]
    public void Only_the_secret_missing_names_only_the_secret()
    {
        Environment.SetEnvironmentVariable("REQIO_AUDIENCE", "https://reqio.app/p/x");

        var e = Assert.Throws<InvalidOperationException>(() => ReqioOptions.FromEnvironment());
        Assert.That(e!.Message, Does.Contain("REQIO_SECRET").And.Not.Contain("REQIO_AUDIENCE"));
    }

    [Test]
    public void Only_the_audience_missing_names_both_audience_variables()
    {
        Environment.SetEnvironmentVariable("REQIO_SECRET", Secret);

        var e = Assert.Throws<InvalidOperationException>(() => ReqioOptions.FromEnvironment());
        Assert.That(e!.Message, Does.Contain("REQIO_AUDIENCE").And.Contain("REQIO_PROJECT_ID").And.Not.Contain("REQIO_SECRET"));
    }

    [Test]
    public void The_audience_comes_from_REQIO_AUDIENCE_or_else_REQIO_PROJECT_ID()
    {
        Environment.SetEnvironmentVariable("REQIO_SECRET", Secret);
        Environment.SetEnvironmentVariable("REQIO_PROJECT_ID", "proj_abc123");
        Assert.That(ReqioOptions.FromEnvironment().Audience, Is.EqualTo("https://reqio.app/p/proj_abc123"));

        Environment.SetEnvironmentVariable("REQIO_AUDIENCE", "https://reqio.app/p/other");
        Assert.That(ReqioOptions.FromEnvironment().Audience, Is.EqualTo("https://reqio.app/p/other"));
    }

    [Test]
    public void An_invalid_value_names_its_variable_and_the_rule_but_not_the_secret()
    {
        Environment.SetEnvironmentVariable("REQIO_SECRET", "too-short-secret");
        Environment.SetEnvironmentVariable("REQIO_PROJECT_ID", "proj_abc123");
        var e = Assert.Throws<InvalidOperationException>(() => ReqioOptions.FromEnvironment());
        Assert.That(e!.Message, Does.Contain("REQIO_SECRET").And.Contain("at least 32 bytes"));
        Assert.That(e.ToString(), Does.Not.Contain("too-short-secret"));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>());

        Environment.SetEnvironmentVariable("REQIO_SECRET", Secret);
        Environment.SetEnvironmentVariable("REQIO_PROJECT_ID", "a b");
        Assert.That(Assert.Throws<InvalidOperationException>(() => ReqioOptions.FromEnvironment())!.Message, Does.Contain("REQIO_PROJECT_ID"));

        Environment.SetEnvironmentVariable("REQIO_AUDIENCE", "not a uri");
        Assert.That(Assert.Throws<InvalidOperationException>(() => ReqioOptions.FromEnvironment())!.Message, Does.Contain("REQIO_AUDIENCE"));
    }

    [Test]
    public void Mint_user_fails_while_unconfigured_then_reads_once_and_keeps_the_options()
    {
        // A failed read is not kept...
        Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(new ReqioUser("user_8f3a2c")));

        // ...so setting the variables afterwards works without a restart.
        Environment.SetEnvironmentVariable("REQIO_SECRET", Secret);
        Environment.SetEnvironmentVariable("REQIO_PROJECT_ID", "proj_abc123");
        // snippet: mint-one-line
        string token = ReqioToken.Mint(new ReqioUser("user_8f3a2c", "ada.lovelace@example.com"));
        // end snippet
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = IdentityModelVerifier.Verify(token, System.Text.Encoding.UTF8.GetBytes(Secret), "https://reqio.app/p/proj_abc123", DateTimeOffset.UtcNow);
        Assert.That((string?)payload["sub"], Is.EqualTo("user_8f3a2c"));
        Assert.That((long)payload["iat"]!, Is.InRange(now - 5, now));

        // The first successful read is kept: later changes to the environment do not move it.
        Environment.SetEnvironmentVariable("REQIO_PROJECT_ID", "another");
        string later = MintFor(new AppUser("user_42", "grace@example.org"));
        Assert.That((string?)Jwt.Payload(later)["aud"], Is.EqualTo("https://reqio.app/p/proj_abc123"));
        Assert.That((string?)Jwt.Payload(later)["sub"], Is.EqualTo("user_42"));

        static string MintFor(AppUser user)
        {
            // snippet: mint-from-environment
            string token = ReqioToken.Mint(new ReqioUser(
                id: user.Id,
                email: user.Email,
                traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900)));
            // end snippet
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
