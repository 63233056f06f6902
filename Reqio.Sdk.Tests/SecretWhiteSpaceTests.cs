using System.Collections.Generic;
using System.Text;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// A secret read from a file, made with <c>echo</c> or pasted from a terminal often ends with a line break or a space,
/// or comes broken over two lines; signed with as it is, every token would be refused by the widget. Every path that
/// takes the secret as text refuses white space or a control character anywhere in it (the settings routes in
/// <see cref="EnvironmentTests"/> and <see cref="SettingRuleTests"/>); raw key bytes stay the caller's business.
/// </summary>
public sealed class SecretWhiteSpaceTests
{
    /// <summary>The test secret with white space before or after it: ASCII, and other Unicode white space.</summary>
    public static IEnumerable<string> Padded =>
    [
        Secret + "\n",
        Secret + "\r\n",
        Secret + " ",
        " " + Secret,
        "\t" + Secret,
        Secret + "\t",
        Secret + "\u000b",
        Secret + "\u00a0",
        "\u2003" + Secret,
        Secret + "\u2028",
        "\u3000" + Secret,
    ];

    [TestCaseSource(nameof(Padded))]
    public void The_constructor_refuses_it_saying_where_such_a_secret_comes_from(string secret)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(secret, Audience));

        Assert.That(e!.ParamName, Is.EqualTo("secret"));
        Assert.That(e.Message, Does.Contain("white space").And.Contain("read from a file").And.Contain("exactly as Reqio shows it"));
        Assert.That(e.ToString(), Does.Not.Contain(Secret.Substring(6, 12)));
    }

    [TestCaseSource(nameof(Padded))]
    public void FromProjectId_refuses_it_too(string secret)
    {
        var e = Assert.Throws<ArgumentException>(() => ReqioProject.FromProjectId(secret, "proj_abc123"));

        Assert.That(e!.ParamName, Is.EqualTo("secret"));
        Assert.That(e.Message, Does.Contain("white space"));
    }

    [TestCase("rq_sk_3f9a1c7e5b2d 4f6a8c0e1b3d5f7a9c2e4b6d8f0a", 18)]
    [TestCase("rq_sk_3f9a1c7e5b2d4f6a8c0\ne1b3d5f7a9c2e4b6d8f0a", 25)]
    [TestCase("rq_sk_3f9a1c7e5b2d4f6a8c0\r\ne1b3d5f7a9c2e4b6d8f0a", 25)]
    [TestCase("rq_sk_3f9a1c7e5b2d4f6a8c0\u0000e1b3d5f7a9c2e4b6d8f0a", 25)]
    public void White_space_or_a_control_character_inside_a_secret_is_refused_by_its_index(string escaped, int index)
    {
        string secret = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var e = Assert.Throws<ArgumentException>(() => _ = new ReqioProject(secret, Audience));

        Assert.That(e!.ParamName, Is.EqualTo("secret"));
        Assert.That(e.Message, Does.StartWith($"secret holds white space or an invisible character at index {index} (a secret broken over two lines, say)."));
        Assert.That(e.ToString(), Does.Not.Contain("3f9a1c7e"));
    }

    [Test]
    public void Raw_key_bytes_are_taken_as_they_are_trailing_line_break_and_all()
    {
        byte[] key = Encoding.UTF8.GetBytes(Secret + "\n");
        var options = new ReqioProject(key, Audience) { Clock = new FixedClock(1_764_000_000) };

        IdentityModelVerifier.Verify(ReqioToken.Mint(new ReqioUser("1"), options), key, Audience, DateTimeOffset.FromUnixTimeSeconds(1_764_000_001));
    }
}
