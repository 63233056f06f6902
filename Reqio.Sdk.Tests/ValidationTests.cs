using System.Collections.Generic;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Every bad input gets its exception when the value enters the SDK, of the documented type, naming the parameter;
/// nothing bad reaches a token.
/// </summary>
public sealed class ValidationTests
{
    private static readonly ReqioProject s_options = new(Secret, Audience);

    // ---- ReqioUser ----

    [Test]
    public void A_null_id_is_ArgumentNullException()
    {
        var e = Assert.Throws<ArgumentNullException>(() => _ = new ReqioUser(null!));
        Assert.That(e!.ParamName, Is.EqualTo("id"));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\r\n \u00a0\u2003")]
    public void A_blank_id_is_ArgumentException(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioUser(id));
        Assert.That(e!.ParamName, Is.EqualTo("id"));
        Assert.That(e.Message, Does.Contain("white space"));
    }

    [Test]
    public void An_id_of_MaxIdLength_is_accepted_and_one_more_is_refused()
    {
        Assert.That(new ReqioUser(new string('a', ReqioUser.MaxIdLength)).Id, Has.Length.EqualTo(256));
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioUser(new string('a', ReqioUser.MaxIdLength + 1)));
        Assert.That(e!.ParamName, Is.EqualTo("id"));
        Assert.That(e.Message, Does.Contain("at most 256").And.Contain("8192"));
    }

    [TestCase("")]
    [TestCase("plainaddress")]
    [TestCase("@example.com")]
    [TestCase("ada@")]
    [TestCase("@")]
    [TestCase("ada @example.com")]
    [TestCase("ada@example.com ")]
    [TestCase("ada\t@example.com")]
    [TestCase("ada@exa\u0000mple.com")]
    [TestCase("ada@exa\u0085mple.com")]
    [TestCase("ada@exa\u00a0mple.com")]
    [TestCase("ada@example.com\n")]
    public void An_email_that_is_certainly_not_an_address_is_refused(string email)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioUser("1", email));
        Assert.That(e!.ParamName, Is.EqualTo("email"));
    }

    [TestCase("a@b")]
    [TestCase("ada.lovelace@example.com")]
    [TestCase("o'brien@example.com")]
    [TestCase("\"quoted\\\"local\"@example.com")]
    [TestCase("user+tag@example.co.uk")]
    [TestCase("renée@exemple.fr")]
    [TestCase("用户@例子.广告")]
    [TestCase("🚀@example.com")]
    [TestCase("a@b@c")]
    public void Any_other_email_passes_through_unchanged(string email)
    {
        var user = new ReqioUser("1", email);

        Assert.That(user.Email, Is.SameAs(email));
        Assert.That((string?)Jwt.Payload(ReqioToken.Mint(user, s_options))["email"], Is.EqualTo(email));
    }

    [Test]
    public void An_email_of_254_characters_is_accepted_and_255_is_refused()
    {
        string at254 = new string('a', 64) + "@" + new string('b', 189);
        Assert.That(new ReqioUser("1", at254).Email, Has.Length.EqualTo(254));
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioUser("1", at254 + "c"));
        Assert.That(e!.ParamName, Is.EqualTo("email"));
    }

    // Built at run time: attribute arguments are stored as UTF-8, which would turn a lone surrogate into U+FFFD.
    public static IEnumerable<string> LoneSurrogates =>
    [
        "\ud800",
        "ab\udc00",
        "\ud83d\ud83d\ude80",
        "\ude80\ud83d",
        "x\udbff",
    ];

    [TestCaseSource(nameof(LoneSurrogates))]
    public void Invalid_UTF16_in_the_id_is_refused_naming_it(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioUser(id));
        Assert.That(e!.ParamName, Is.EqualTo("id"));
        Assert.That(e.Message, Does.Contain("unpaired surrogate"));
    }

    [Test]
    public void Invalid_UTF16_in_any_string_is_refused_naming_its_field()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioUser("1", "a\ud800@b.c"))!.ParamName, Is.EqualTo("email"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioTraits("pro\udfff"))!.ParamName, Is.EqualTo("plan"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret + "\ud800", Audience))!.ParamName, Is.EqualTo("secret"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, Audience + "\ud800"))!.ParamName, Is.EqualTo("audience"));
        });
    }

    // ---- ReqioTraits ----

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    [TestCase(ReqioTraits.MaxAmountCents + 1)]
    [TestCase(long.MaxValue)]
    public void An_amount_outside_0_to_2_pow_53_minus_1_is_out_of_range(long cents)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ReqioTraits("pro", cents, BillingInterval.Month));
        Assert.That(e!.ParamName, Is.EqualTo("amountCents"));
        Assert.That(e.ActualValue, Is.EqualTo(cents));
    }

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(ReqioTraits.MaxAmountCents)]
    public void Amounts_at_the_edges_are_written_as_plain_digits(long cents)
    {
        var user = new ReqioUser("1", traits: ReqioTraits.Monthly("pro", cents));

        string json = Jwt.PayloadJson(ReqioToken.Mint(user, s_options));

        Assert.That(json, Does.Contain($"\"amount\":{cents},"));
    }

    [Test]
    public void An_amount_without_an_interval_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioTraits("pro", 4900));
        Assert.That(e!.ParamName, Is.EqualTo("interval"));
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(-1)]
    public void An_undefined_interval_is_out_of_range(int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ReqioTraits("pro", 4900, (BillingInterval)value));
        Assert.That(e!.ParamName, Is.EqualTo("interval"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_blank_plan_is_refused(string plan)
    {
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioTraits(plan))!.ParamName, Is.EqualTo("plan"));
    }

    [Test]
    public void A_plan_of_MaxPlanLength_is_accepted_and_one_more_is_refused()
    {
        Assert.That(new ReqioTraits(new string('p', ReqioTraits.MaxPlanLength)).Plan, Has.Length.EqualTo(128));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioTraits(new string('p', 129)))!.ParamName, Is.EqualTo("plan"));
    }

    [Test]
    public void The_factories_refuse_a_null_plan()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioTraits.Monthly(null!, 1))!.ParamName, Is.EqualTo("plan"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioTraits.Yearly(null!, 1))!.ParamName, Is.EqualTo("plan"));
    }

    // ---- ReqioProject ----

    [Test]
    public void Null_secret_audience_key_or_project_id_are_ArgumentNullException()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new ReqioProject((string)null!, Audience))!.ParamName, Is.EqualTo("secret"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new ReqioProject(Secret, null!))!.ParamName, Is.EqualTo("audience"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new ReqioProject((byte[])null!, Audience))!.ParamName, Is.EqualTo("key"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioProject.FromProjectId(Secret, null!))!.ParamName, Is.EqualTo("projectId"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioProject.FromProjectId(null!, "p"))!.ParamName, Is.EqualTo("secret"));
        });
    }

    [TestCase("")]
    [TestCase("short")]
    [TestCase("0123456789abcdef0123456789abcde")]
    [TestCase("ééééééééééééééé")]
    public void A_secret_under_32_bytes_of_UTF8_is_refused_saying_how_long_it_must_be(string secret)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(secret, Audience));
        Assert.That(e!.ParamName, Is.EqualTo("secret"));
        Assert.That(e.Message, Does.Contain("at least 32 bytes"));
    }

    [Test]
    public void A_secret_of_exactly_32_bytes_is_accepted_counting_UTF8_bytes_not_characters()
    {
        Assert.DoesNotThrow(() => _ = new ReqioProject(new string('k', 32), Audience));
        Assert.DoesNotThrow(() => _ = new ReqioProject(new string('é', 16), Audience));
    }

    [Test]
    public void A_key_under_32_bytes_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(new byte[31], Audience));
        Assert.That(e!.ParamName, Is.EqualTo("key"));
        Assert.That(e.Message, Does.Contain("at least 32 bytes"));
    }

    [TestCase("")]
    [TestCase("reqio.app/p/x")]
    [TestCase("/p/proj")]
    [TestCase("ftp://reqio.app/p/x")]
    [TestCase("mailto:ops@reqio.app")]
    [TestCase("urn:reqio:proj")]
    [TestCase(" https://reqio.app/p/x")]
    [TestCase("https://reqio.app/p/x ")]
    [TestCase("https://reqio.app/p/a b")]
    [TestCase("https://reqio.app/p/\n")]
    [TestCase("https://")]
    public void An_audience_that_is_not_an_absolute_http_URI_is_refused(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience));
        Assert.That(e!.ParamName, Is.EqualTo("audience"));
    }

    [TestCase("http://localhost:8080/p/dev")]
    [TestCase("https://reqio.app/p/proj_abc123")]
    [TestCase("https://staging.example/ünïcode")]
    public void An_absolute_http_or_https_audience_is_written_as_given(string audience)
    {
        var options = new ReqioProject(Secret, audience);

        Assert.That((string?)Jwt.Payload(ReqioToken.Mint(new ReqioUser("1"), options))["aud"], Is.EqualTo(audience));
    }

    [Test]
    public void An_audience_over_MaxAudienceLength_is_refused()
    {
        string audience = "https://reqio.dev/" + new string('a', ReqioProject.MaxAudienceLength - 18);
        Assert.DoesNotThrow(() => _ = new ReqioProject(Secret, audience));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioProject(Secret, audience + "a"))!.ParamName, Is.EqualTo("audience"));
    }

    [TestCase("")]
    [TestCase("proj abc")]
    [TestCase("proj/abc")]
    [TestCase("p\"><script>alert(1)</script>")]
    [TestCase("prøj")]
    [TestCase("proj.abc")]
    public void A_project_id_outside_A_Za_z0_9_underscore_dash_is_refused(string projectId)
    {
        Assert.That(Assert.Throws<ArgumentException>(() => ReqioProject.FromProjectId(Secret, projectId))!.ParamName, Is.EqualTo("projectId"));
    }

    [Test]
    public void FromProjectId_builds_the_Reqio_audience()
    {
        Assert.That(ReqioProject.FromProjectId(Secret, "proj_abc-123").Audience, Is.EqualTo("https://reqio.app/p/proj_abc-123"));
        Assert.That(Assert.Throws<ArgumentException>(() => ReqioProject.FromProjectId(Secret, new string('p', 129)))!.ParamName, Is.EqualTo("projectId"));
    }

    public static IEnumerable<TimeSpan> BadLifetimes =>
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(-1),
        TimeSpan.FromTicks(-1),
        TimeSpan.FromMilliseconds(500),
        TimeSpan.FromMilliseconds(1500),
        TimeSpan.FromSeconds(3601),
        TimeSpan.FromSeconds(3600) + TimeSpan.FromTicks(1),
        TimeSpan.MaxValue,
        TimeSpan.MinValue,
    ];

    [TestCaseSource(nameof(BadLifetimes))]
    public void A_lifetime_that_is_not_1_to_3600_whole_seconds_is_out_of_range(TimeSpan lifetime)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ReqioProject(Secret, Audience) { Lifetime = lifetime });

        Assert.That(e!.ParamName, Is.EqualTo("Lifetime"));
        Assert.That(e.ActualValue, Is.InstanceOf<TimeSpan>().And.EqualTo(lifetime), "the refused value itself, for a debugger or a log");
        Assert.That(e.Message, Does.Contain("whole number of seconds from 1 to 3600"));
    }

    [Test]
    public void ToString_shows_the_lifetime_as_TimeSpan_writes_it()
    {
        for (int seconds = 1; seconds <= 3600; seconds++)
        {
            var lifetime = TimeSpan.FromSeconds(seconds);
            Assert.That(new ReqioProject(Secret, Audience) { Lifetime = lifetime }.ToString(), Does.Contain($"Lifetime = {lifetime},"));
        }
    }

    [TestCase(1)]
    [TestCase(60)]
    [TestCase(3600)]
    public void A_lifetime_of_1_to_3600_seconds_sets_exp(int seconds)
    {
        var options = new ReqioProject(Secret, Audience) { Lifetime = TimeSpan.FromSeconds(seconds), Clock = new FixedClock(1_000) };

        var payload = Jwt.Payload(ReqioToken.Mint(new ReqioUser("1"), options));

        Assert.That((long)payload["exp"]! - (long)payload["iat"]!, Is.EqualTo(seconds));
    }

    [Test]
    public void A_null_clock_is_ArgumentNullException()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new ReqioProject(Secret, Audience) { Clock = null! })!.ParamName, Is.EqualTo("Clock"));
    }

    // ---- ReqioToken ----

    [Test]
    public void Null_user_or_project_are_ArgumentNullException_on_every_entry_point()
    {
        var user = new ReqioUser("1");
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.Mint(null!))!.ParamName, Is.EqualTo("user"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.Mint(null!, s_options))!.ParamName, Is.EqualTo("user"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.Mint(user, null!))!.ParamName, Is.EqualTo("project"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.MintWithExpiry(null!, s_options))!.ParamName, Is.EqualTo("user"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.MintWithExpiry(user, null!))!.ParamName, Is.EqualTo("project"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.GetMaxTokenLength(null!, s_options))!.ParamName, Is.EqualTo("user"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.GetMaxTokenLength(user, null!))!.ParamName, Is.EqualTo("project"));
#if REQIO_SPANS
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.TryMint(null!, s_options, new char[1], out _))!.ParamName, Is.EqualTo("user"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.TryMint(user, null!, new char[1], out _))!.ParamName, Is.EqualTo("project"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.TryMint(null!, s_options, new byte[1], out _))!.ParamName, Is.EqualTo("user"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioToken.TryMint(user, null!, new byte[1], out _))!.ParamName, Is.EqualTo("project"));
#endif
        });
    }

    [Test]
    public void The_longest_possible_user_fits_in_MaxTokenLength()
    {
        // Every character of every field takes a six-byte \uXXXX escape: the worst case the limits allow.
        string worst(int length) => new('\u2603', length);
        var user = new ReqioUser(worst(ReqioUser.MaxIdLength), worst(ReqioUser.MaxEmailLength - 2) + "@\u2603",
            new ReqioTraits(worst(ReqioTraits.MaxPlanLength), ReqioTraits.MaxAmountCents, BillingInterval.Month));
        // Reqio's own audiences are short; the longest is another host's (a staging Reqio, say).
        var options = new ReqioProject(Secret, "https://reqio.dev/" + worst(ReqioProject.MaxAudienceLength - 18))
        {
            Clock = new FixedClock(DateTimeOffset.MaxValue.AddHours(-1)),
            Lifetime = TimeSpan.FromHours(1),
        };

        string token = ReqioToken.Mint(user, options);

        Assert.That(token, Has.Length.LessThanOrEqualTo(ReqioToken.MaxTokenLength));
        // The payload is the longest the limits allow, but for the 19 ASCII characters (the email's '@', the audience's
        // https://reqio.dev/) that take one byte where an escape takes six; so the scratch space the encoder reserves,
        // six bytes a character and 134 of keys, punctuation and digits, is exactly enough: a limit raised without it
        // fails here.
        int fieldCharacters = ReqioUser.MaxIdLength + ReqioUser.MaxEmailLength + ReqioTraits.MaxPlanLength + ReqioProject.MaxAudienceLength;
        Assert.That(Jwt.Base64UrlDecode(token.Split('.')[1]), Has.Length.EqualTo((6 * fieldCharacters) + 134 - (19 * 5)));
        Assert.That(token, Has.Length.EqualTo(ReqioToken.GetMaxTokenLength(user, options)));
        Assert.That(IdentityModelVerifier.Verify(token, System.Text.Encoding.UTF8.GetBytes(Secret), options.Audience, DateTimeOffset.MaxValue.AddHours(-1))["sub"]!.GetValue<string>(),
            Is.EqualTo(user.Id));
    }
}
