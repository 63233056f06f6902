using System.Collections.Generic;
using System.Linq;
using System.Text;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>The secret never shows: not in ToString, not in any exception, and the caller's key array is copied.</summary>
public sealed class SecretHygieneTests
{
    private const string Secret = "rq_sk_Kx7QmZ4f6a8c0e1b3d5f7a9c2e4b6d8f0a";
    private const string Audience = "https://reqio.app/p/proj_abc123";

    [Test]
    public void ToString_shows_the_audience_and_the_keys_length_but_not_the_key()
    {
        var options = new ReqioProject(Secret, Audience);
        string text = options.ToString();

        Assert.That(text, Does.Contain(Audience).And.Contain($"{Encoding.UTF8.GetByteCount(Secret)} bytes, hidden"));
        Assert.That(text, Does.Not.Contain("Kx7QmZ"));
        Assert.That(text, Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret))));
    }

    [Test]
    public void The_debugger_display_is_ToString()
    {
        var display = typeof(ReqioProject).GetCustomAttributes(typeof(System.Diagnostics.DebuggerDisplayAttribute), false)
            .Cast<System.Diagnostics.DebuggerDisplayAttribute>().Single();

        Assert.That(display.Value, Is.EqualTo("{ToString(),nq}"));
    }

    public static IEnumerable<TestCaseData> SecretBearingFailures()
    {
        string shortSecret = "Kx7QmZ-short";
        yield return new TestCaseData(shortSecret, (Action)(() => _ = new ReqioProject(shortSecret, Audience))).SetName("short secret");
        yield return new TestCaseData(Secret, (Action)(() => _ = new ReqioProject(Secret, "nope"))).SetName("bad audience");
        yield return new TestCaseData(Secret, (Action)(() => ReqioProject.FromProjectId(Secret, "bad id"))).SetName("bad project id");
        yield return new TestCaseData(Secret, (Action)(() => _ = new ReqioProject(Secret, Audience) { Lifetime = TimeSpan.Zero })).SetName("bad lifetime");
        yield return new TestCaseData(Secret, (Action)(() => ReqioToken.Mint(new ReqioUser("1"),
            new ReqioProject(Secret, Audience) { Clock = new FixedClock(-5) }))).SetName("clock before 1970");
    }

    [TestCaseSource(nameof(SecretBearingFailures))]
    public void No_exception_carries_the_secret(string secret, Action failing)
    {
        Exception e = Assert.Catch(() => failing())!;

        string everything = e.ToString() + string.Join(",", e.Data.Keys.Cast<object>()) + string.Join(",", e.Data.Values.Cast<object>());
        Assert.That(everything, Does.Not.Contain(secret).And.Not.Contain("Kx7QmZ"));
    }

    [Test]
    public void The_key_array_is_copied_so_changing_it_later_changes_nothing()
    {
        byte[] key = Encoding.UTF8.GetBytes(Secret);
        var user = new ReqioUser("1");
        var options = new ReqioProject(key, Audience) { Clock = new FixedClock(1_764_000_000) };
        string before = ReqioToken.Mint(user, options);

        Array.Clear(key, 0, key.Length);

        Assert.That(ReqioToken.Mint(user, options), Is.EqualTo(before));
        IdentityModelVerifier.Verify(before, Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.FromUnixTimeSeconds(1_764_000_001));
    }
}
