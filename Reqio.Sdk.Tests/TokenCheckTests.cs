#if !REQIO_NETFX
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.IdentityModel.Tokens;
using ReadmeExamples;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The README's token check refuses every token the Troubleshooting table says Reqio refuses, one token a row, and
/// accepts the token the SDK mints.
/// </summary>
public sealed class TokenCheckTests
{
    private const long Now = 1_764_000_000;
    private static readonly ReqioUser s_user = new("user_8f3a2c", "ada.lovelace@example.com", ReqioTraits.Monthly("pro", 4900));

    [Test]
    public async Task A_token_the_SDK_mints_is_accepted_with_its_claims()
    {
        string token = Mint(new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now) });

        var jwt = await ReqioTokenCheck.ValidateAsync(token, Secret, Audience, now: At(Now));

        Assert.That(jwt.Subject, Is.EqualTo("user_8f3a2c"));
        Assert.That(jwt.GetClaim("email").Value, Is.EqualTo("ada.lovelace@example.com"));
    }

    [Test]
    public void A_token_signed_with_another_secret_is_refused()
    {
        string token = Mint(new ReqioProject(Secret.Replace('3', '4'), Audience) { Clock = new FixedClock(Now) });

        Assert.That(Refusal(token), Does.Contain("signature does not verify"));
    }

    [Test]
    public void A_token_signed_with_the_base64_decoded_secret_is_refused()
    {
        string secret = Convert.ToBase64String(Encoding.ASCII.GetBytes("a secret of thirty-three bytes!!!"));
        Assume.That(secret, Has.Length.GreaterThanOrEqualTo(32), "the secret itself passes the SDK's length rule");
        string token = Mint(new ReqioProject(Convert.FromBase64String(secret), Audience) { Clock = new FixedClock(Now) });

        Assert.That(Refusal(token, secret), Does.Contain("signature does not verify"));
        Assert.DoesNotThrowAsync(() => ReqioTokenCheck.ValidateAsync(Mint(new ReqioProject(secret, Audience) { Clock = new FixedClock(Now) }), secret, Audience, now: At(Now)));
    }

    [Test]
    public void A_token_for_another_project_is_refused()
    {
        string token = Mint(new ReqioProject(Secret, "https://reqio.app/p/proj_other") { Clock = new FixedClock(Now) });

        Assert.That(Refusal(token), Does.Contain("aud is https://reqio.app/p/proj_other, not this project's https://reqio.app/p/proj_abc123"));
    }

    [TestCase(300, TestName = "A token is refused at its exp")]
    [TestCase(3600, TestName = "A token is refused an hour after its exp")]
    public void An_expired_token_is_refused(long secondsLater)
    {
        string token = Mint(new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now) });

        Assert.That(Refusal(token, now: Now + secondsLater), Does.Contain("expired"));
    }

    [Test]
    public void A_token_is_accepted_one_second_before_its_exp() =>
        Assert.DoesNotThrowAsync(() => ReqioTokenCheck.ValidateAsync(Mint(new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now) }), Secret, Audience, now: At(Now + 299)));

    [Test]
    public void A_token_issued_ten_minutes_in_the_future_is_refused()
    {
        string token = Mint(new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now + 600) });

        Assert.That(Refusal(token), Does.Contain("issued 600 s in the future").And.Contain("run NTP"));
    }

    [Test]
    public void A_token_issued_within_the_stated_clock_skew_is_accepted_and_one_second_beyond_it_is_refused()
    {
        long skew = (long)ReqioTokenCheck.AllowedClockSkew.TotalSeconds;
        Assert.That(skew, Is.EqualTo(60));

        Assert.DoesNotThrowAsync(() => ReqioTokenCheck.ValidateAsync(
            Mint(new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now + skew) }), Secret, Audience, now: At(Now)));
        Assert.That(Refusal(Mint(new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now + skew + 1) })), Does.Contain("in the future"));
    }

    [TestCase("sub")]
    [TestCase("aud")]
    [TestCase("iat")]
    [TestCase("exp")]
    public void A_correctly_signed_token_without_a_required_claim_is_refused(string claim)
    {
        var payload = new JsonObject { ["sub"] = "user_8f3a2c", ["aud"] = Audience, ["iat"] = Now, ["exp"] = Now + 300 };
        payload.Remove(claim);

        Assert.That(Refusal(HandMade("HS256", payload)), Does.Contain($"no '{claim}' claim"));
    }

    [Test]
    public void A_hand_made_token_with_every_claim_is_accepted_so_the_hand_made_refusals_are_about_the_claim() =>
        Assert.DoesNotThrowAsync(() => ReqioTokenCheck.ValidateAsync(
            HandMade("HS256", new JsonObject { ["sub"] = "user_8f3a2c", ["aud"] = Audience, ["iat"] = Now, ["exp"] = Now + 300 }),
            Secret, Audience, now: At(Now)));

    [Test]
    public void A_token_signed_with_another_algorithm_is_refused()
    {
        var payload = new JsonObject { ["sub"] = "user_8f3a2c", ["aud"] = Audience, ["iat"] = Now, ["exp"] = Now + 300 };

        Assert.That(Refusal(HandMade("HS384", payload)), Does.Contain("alg is 'HS384'; Reqio accepts HS256 only"));
    }

    [Test]
    public void A_token_whose_lifetime_is_not_the_one_expected_is_refused_unless_the_check_is_told()
    {
        string token = Mint(new ReqioProject(Secret, Audience) { Lifetime = TimeSpan.FromMinutes(10), Clock = new FixedClock(Now) });

        Assert.That(Refusal(token), Does.Contain("exp - iat is 600 s, not the lifetime 300 s"));
        Assert.DoesNotThrowAsync(() => ReqioTokenCheck.ValidateAsync(token, Secret, Audience, TimeSpan.FromMinutes(10), At(Now)));
    }

    [Test]
    public void Something_that_is_not_a_JWT_is_refused() =>
        Assert.That(Refusal("not-a-token"), Does.Contain("not a JWT"));

    private static string Mint(ReqioProject options) => ReqioToken.Mint(s_user, options);

    private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    /// <summary>The check's reason for refusing <paramref name="token"/>; fails the test when it accepts it.</summary>
    private static string Refusal(string token, string secret = Secret, long now = Now)
    {
        var refused = Assert.ThrowsAsync<SecurityTokenValidationException>(() => ReqioTokenCheck.ValidateAsync(token, secret, Audience, now: At(now)));
        Assert.That(refused!.Message, Does.StartWith("This check refuses the token: "));
        return refused.Message;
    }

    /// <summary>A token built by hand, signed correctly with the secret's UTF-8 bytes and HMAC-SHA-256.</summary>
    private static string HandMade(string alg, JsonObject payload)
    {
        string signingInput = Jwt.Base64UrlEncode(Encoding.UTF8.GetBytes($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}"))
            + "." + Jwt.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        return signingInput + "." + Jwt.Base64UrlEncode(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)));
    }
}
#endif
