using System.Collections.Generic;
#if !REQIO_NETFX
using System.Text;
#endif
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The audience rule, "an absolute http or https URI", is checked by the SDK's own parser (System.Uri's first use
/// costs a fresh process about 9 ms). These tests hold it against System.Uri: everything the rule accepts, Uri accepts
/// as an http or https URI with a host; what Uri accepts and the rule refuses is listed here, on purpose.
/// </summary>
public sealed class AudienceRuleTests
{
    public static IEnumerable<string> Accepted =>
    [
        "https://reqio.app/p/proj_abc123", "HTTPS://reqio.app/p/x", "Http://Reqio.App/p/x", "http://localhost:8080/p/dev",
        "https://reqio.app", "https://reqio.app?x", "https://reqio.app#f", "https://a", "https://a.", "https://a.b.:80/p",
        "https://a-b", "https://a_b", "https://a_", "https://0_.a", "https://my_service:8080/p/dev", "https://1.2.3.4", "https://999.1.1.1", "https://xn--bcher-kva.de/p",
        "https://u@a", "https://u:p@a", "https://@a", "https://u%40@a", "https://u!$&'()*+,;=@a", "https://u/@a",
        "https://a:", "https://a:0", "https://a:65535", "https://a:00080", "https://a:0000080",
        "https://[::1]", "https://[::1]:8080/p", "https://[::]", "https://[::ffff:1.2.3.4]", "https://[1:2:3:4:5:6:7:8]",
        "https://[1:2:3:4:5:6:1.2.3.4]", "https://[1:2:3:4:5:6:7::]", "https://[::1]:",
        "https://a/%", "https://a/<>{}|^`\"", "https://a/é☃🚀", "https://a/p?q=[1]#f#g", "https://a/\\",
    ];

    public static IEnumerable<string> Refused =>
    [
        "", "reqio.app/p/x", "/p/proj", "ftp://reqio.app/p/x", "mailto:ops@reqio.app", "urn:reqio:proj", "httpss://a",
        "https//a", "https:", "https://", "https:/a", "https:a", "https:///a", "https://\\a", "https://a\\b",
        "https://.a", "https://a..b", "https://9.-", "https://a.b.-", "https://-a", "https://a~b", "https://a!b", "https://a%41b", "https://a<b", "https://a]b",
        "https://u@", "https://u@@a", "https://u@a@b", "https://a:65536", "https://a:123456", "https://a:8x", "https://:80",
        "https://a:80:90", "https://[::1", "https://[]", "https://[1.2.3.4]", "https://[zz::1]", "https://[1:2:3:4:5:6:7:8:9]",
        "https://[1::2::3]", "https://[12345::1]", "https://[::1.2.3]", "https://[::256.1.1.1]", "https://[:1]", "https://[1:]",
    ];

    /// <summary>What System.Uri takes and the rule does not, each for a reason a Reqio audience never needs.</summary>
    public static IEnumerable<TestCaseData> UriAcceptsButTheRuleRefuses =>
    [
        new TestCaseData("https://bücher.de/p/x").SetName("a host outside ASCII (give its xn-- form)"),
        new TestCaseData("https://日本.jp").SetName("a host in another script (give its xn-- form)"),
        new TestCaseData("https:\\\\reqio.app").SetName("backslashes for the slashes"),
        new TestCaseData("https://a-/p").SetName("a label ending in a hyphen"),
        new TestCaseData("https://a.-b/p").SetName("a label starting with a hyphen"),
        new TestCaseData("https://_a.b/p").SetName("a label starting with an underscore"),
        new TestCaseData("https://[fe80::1%25eth0]").SetName("an IPv6 zone"),
        new TestCaseData("https://[::1]x").SetName("text straight after an IPv6 address"),
        new TestCaseData("https://u[@a").SetName("user-info characters RFC 3986 does not allow"),
        new TestCaseData("https://u%zz@a").SetName("a broken escape in the user-info"),
    ];

    [TestCaseSource(nameof(Accepted))]
    public void An_absolute_http_URI_is_an_audience(string audience)
    {
        Assert.That(new ReqioOptions(Secret, audience).Audience, Is.SameAs(audience));
#if !REQIO_NETFX
        Assert.That(UriAccepts(audience), Is.True, "System.Uri accepts it too");
#endif
    }

    [TestCaseSource(nameof(Refused))]
    public void Anything_else_is_refused_naming_the_rule(string audience)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioOptions(Secret, audience));

        Assert.That(e!.ParamName, Is.EqualTo("audience"));
        Assert.That(e.Message, Does.Contain("audience must"));
    }

    [TestCaseSource(nameof(UriAcceptsButTheRuleRefuses))]
    public void Some_URIs_System_Uri_takes_are_refused_on_purpose(string audience)
    {
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ReqioOptions(Secret, audience))!.ParamName, Is.EqualTo("audience"));
#if !REQIO_NETFX
        Assert.That(UriAccepts(audience), Is.True, "System.Uri accepts it, so the list above is still true");
#endif
    }

#if !REQIO_NETFX
    // Mono's System.Uri is another implementation with its own leniencies; the oracle here is .NET's.

    [Test]
    public void Of_random_URI_like_text_the_rule_accepts_nothing_System_Uri_refuses()
    {
        const string Alphabet = "aZ09.-_~!$&'()*+,;=:@%[]/?#\\ü1fF";
        var random = new Random(14);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++)
        {
            var text = new StringBuilder(random.Next(2) == 0 ? "https://" : "http://");
            for (int n = random.Next(0, 16); n > 0; n--)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            string audience = text.ToString();
            if (RuleAccepts(audience))
            {
                accepted++;
                Assert.That(UriAccepts(audience), Is.True, $"the rule accepted {audience}, which System.Uri refuses");
            }
        }

        Assert.That(accepted, Is.GreaterThan(1_000), "the generator must reach accepted audiences, not only refusals");
    }

    [Test]
    public void On_well_formed_hosts_ports_and_paths_the_rule_and_System_Uri_agree()
    {
        var random = new Random(15);
        for (int i = 0; i < 50_000; i++)
        {
            string host = random.Next(10) switch
            {
                0 => $"[{string.Join(":", Hex(random, 8))}]",
                1 => $"[::{Hex(random, 1)[0]}]",
                2 => $"{random.Next(256)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}",
                _ => string.Join(".", Labels(random)),
            };
            string port = random.Next(3) == 0 ? ":" + random.Next(0, 70_000) : "";
            string path = random.Next(2) == 0 ? "/p/" + Labels(random)[0] : "";
            string audience = (random.Next(2) == 0 ? "https://" : "http://") + host + port + path;

            Assert.That(RuleAccepts(audience), Is.EqualTo(UriAccepts(audience)), audience);
        }
    }

    private static string[] Hex(Random random, int groups)
    {
        var hex = new string[groups];
        for (int g = 0; g < groups; g++)
        {
            hex[g] = random.Next(0, 0x10000).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        }

        return hex;
    }

    private static string[] Labels(Random random)
    {
        // RFC 1123 labels, with underscores: a letter or digit first, no hyphen last.
        const string Inner = "abcdefghijklmnopqrstuvwxyz0123456789-_";
        var labels = new string[random.Next(1, 4)];
        for (int l = 0; l < labels.Length; l++)
        {
            var label = new StringBuilder().Append(Inner[random.Next(36)]);
            for (int n = random.Next(0, 11); n > 0; n--)
            {
                label.Append(Inner[random.Next(Inner.Length)]);
            }

            labels[l] = label.ToString().TrimEnd('-') + (label[label.Length - 1] == '-' ? "z" : "");
        }

        return labels;
    }

    private static bool UriAccepts(string audience) =>
        Uri.TryCreate(audience, UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
#endif

    private static bool RuleAccepts(string audience)
    {
        try
        {
            _ = new ReqioOptions(Secret, audience);
            return true;
        }
        catch (ArgumentException e) when (e.ParamName == "audience")
        {
            return false;
        }
    }
}
