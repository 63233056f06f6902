using System.Linq;
using System.Text;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>The token's exact bytes, as the README documents them.</summary>
public sealed class TokenFormatTests
{
    private static readonly ReqioProject s_options = new(Secret, "https://reqio.app/p/proj_abc123") { Clock = new FixedClock(1_764_000_000) };

    private static string PayloadOf(ReqioUser user) => Jwt.PayloadJson(ReqioToken.Mint(user, s_options));

    [Test]
    public void The_header_is_alg_HS256_typ_JWT_and_the_token_is_three_unpadded_base64url_parts()
    {
        string token = ReqioToken.Mint(new ReqioUser("1"), s_options);
        string[] parts = token.Split('.');

        Assert.That(parts, Has.Length.EqualTo(3));
        Assert.That(Encoding.ASCII.GetString(Jwt.Base64UrlDecode(parts[0])), Is.EqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        Assert.That(token.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.'), Is.True);
        Assert.That(Jwt.Base64UrlDecode(parts[2]), Has.Length.EqualTo(32));
    }

    [Test]
    public void Claims_come_in_the_fixed_order_without_white_space()
    {
        var user = new ReqioUser("u", "a@b.c", ReqioTraits.Yearly("biz", 120));

        Assert.That(PayloadOf(user), Is.EqualTo(
            "{\"sub\":\"u\",\"email\":\"a@b.c\",\"traits\":{\"plan\":\"biz\",\"amount\":120,\"interval\":\"year\"}," +
            "\"aud\":\"https://reqio.app/p/proj_abc123\",\"iat\":1764000000,\"exp\":1764000300}"));
    }

    [Test]
    public void Absent_values_are_left_out_and_empty_traits_leave_out_the_claim()
    {
        Assert.That(PayloadOf(new ReqioUser("u", traits: new ReqioTraits())), Does.Not.Contain("traits"));
        Assert.That(PayloadOf(new ReqioUser("u")), Does.StartWith("{\"sub\":\"u\",\"aud\":"));
        Assert.That(PayloadOf(new ReqioUser("u", traits: new ReqioTraits(interval: BillingInterval.Month))),
            Does.Contain("\"traits\":{\"interval\":\"month\"},"));
        Assert.That(PayloadOf(new ReqioUser("u", traits: new ReqioTraits(null, 5, BillingInterval.Year))),
            Does.Contain("\"traits\":{\"amount\":5,\"interval\":\"year\"},"));
    }

    [TestCase("/", "/")]
    [TestCase("'", "'")]
    [TestCase("<>&+=", "<>&+=")]
    [TestCase("\"", "\\\"")]
    [TestCase("\\", "\\\\")]
    [TestCase("\b\f\n\r\t", "\\b\\f\\n\\r\\t")]
    [TestCase("\u0000\u0001\u001f", "\\u0000\\u0001\\u001f")]
    [TestCase("\u007f", "\\u007f")]
    [TestCase("\u0080\u00ff", "\\u0080\\u00ff")]
    [TestCase("\u2028\u2029", "\\u2028\\u2029")]
    [TestCase("\uabcd\uffff", "\\uabcd\\uffff")]
    [TestCase("🚀", "\\ud83d\\ude80")]
    [TestCase("\U0010FFFF", "\\udbff\\udfff")]
    [TestCase(" ~", " ~")]
    public void Strings_are_escaped_as_Python_json_dumps_ensure_ascii(string id, string written)
    {
        Assert.That(PayloadOf(new ReqioUser("x" + id)), Does.StartWith("{\"sub\":\"x" + written + "\","));
    }

    // Plain users take a copy-as-ASCII path; one string that needs escaping, in any field, must take the escaping path.
    [TestCase("ü", "a@b.c", "pro")]
    [TestCase("u1", "ü@b.c", "pro")]
    [TestCase("u1", "a@b.c", "prö")]
    [TestCase("u1", null, "\"pro\"")]
    [TestCase("u1", "a@b.c", null)]
    public void One_string_that_needs_escaping_is_escaped_whatever_the_others_are(string id, string? email, string? plan)
    {
        var user = new ReqioUser(id, email, plan is null ? null : ReqioTraits.Monthly(plan, 4900));

        Assert.That(ReqioToken.Mint(user, s_options), Is.EqualTo(ReferenceEncoder.Mint(user, Encoding.UTF8.GetBytes(Secret), s_options.Audience, 1_764_000_000, 300)));
    }

    [Test]
    public void Every_single_UTF16_code_unit_outside_the_surrogates_is_escaped_like_Python()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            // The reference encoder's one-character-at-a-time escaper, checked against PyJWT by the vectors.
            string quoted = ReferenceEncoder.Quote(((char)c).ToString());
            string expected = quoted.Substring(1, quoted.Length - 2);
            string json = PayloadOf(new ReqioUser("x" + (char)c));
            if (!json.StartsWith("{\"sub\":\"x" + expected + "\",", StringComparison.Ordinal))
            {
                Assert.Fail($"U+{c:X4} was written as {json}");
            }
        }
    }

    public static System.Collections.Generic.IEnumerable<long> NumbersAtEveryDigitBoundary()
    {
        yield return 0;
        for (long power = 1; power <= ReqioTraits.MaxAmountCents / 10; power *= 10)
        {
            yield return power * 10 - 1;
            yield return power * 10;
            yield return power * 10 + 1;
        }

        yield return uint.MaxValue;
        yield return (long)uint.MaxValue + 1;
        yield return ReqioTraits.MaxAmountCents;
    }

    [Test]
    public void A_character_to_escape_at_every_place_in_strings_of_every_length_to_40_is_escaped_there()
    {
        // The plain runs before and after it are found eight characters at a time on .NET 8, the rest one at a time.
        foreach (string special in new[] { "\"", "\\", "\n", "\u001f", "\u007f", "é", "\u2028", "🚀" })
        {
            for (int length = 1; length <= 40; length++)
            {
                for (int at = 0; at < length; at++)
                {
                    string text = new string('a', at) + special + new string('b', length - at - 1);
                    string expected = "{\"sub\":" + ReferenceEncoder.Quote("i" + text) + ",\"traits\":{\"plan\":" + ReferenceEncoder.Quote("p" + text) + "},";
                    Assert.That(PayloadOf(new ReqioUser("i" + text, traits: new ReqioTraits("p" + text))), Does.StartWith(expected), text);
                }
            }
        }
    }

    [TestCaseSource(nameof(NumbersAtEveryDigitBoundary))]
    public void Amounts_are_plain_decimal_digits_at_every_length(long amount)
    {
        string json = PayloadOf(new ReqioUser("u", traits: ReqioTraits.Monthly("p", amount)));

        Assert.That(json, Does.Contain($"\"amount\":{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)},"));
    }

    [Test]
    public void Users_are_records_with_value_equality_and_readable_ToString()
    {
        var a = new ReqioUser("1", "a@b.c", ReqioTraits.Monthly("pro", 4900));
        var b = new ReqioUser("1", "a@b.c", ReqioTraits.Monthly("pro", 4900));

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.ToString(), Does.Contain("Id = 1").And.Contain("Plan = pro"));
    }
}
