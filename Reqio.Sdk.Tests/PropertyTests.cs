using System.Text;
using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Properties over generated users (<see cref="ReqioArbitraries"/>): any valid user's token verifies with an
/// independent verifier, decodes to exactly its claims, and equals the reference encoder's token byte for byte;
/// any unpaired surrogate in any field is refused naming that field.
/// </summary>
[Properties(Arbitrary = [typeof(ReqioArbitraries)], MaxTest = 500, QuietOnSuccess = true)]
public sealed class PropertyTests
{
    private const long Now = 1_764_000_000;
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes(Secret);
    private static readonly ReqioProject s_options = new(Secret, Audience) { Clock = new FixedClock(Now) };

    [Property(MaxTest = 300)]
    public void Any_valid_users_token_verifies_with_IdentityModel_and_decodes_to_exactly_its_claims(ReqioUser user)
    {
        var payload = IdentityModelVerifier.Verify(ReqioToken.Mint(user, s_options), s_key, Audience, DateTimeOffset.FromUnixTimeSeconds(Now + 1));

        Assert.That(Jwt.SameClaims(payload, Jwt.ExpectedClaims(user, Audience, Now, 300)), Is.True, payload.ToJsonString());
    }

    [Property(MaxTest = 2000)]
    public void Any_valid_users_token_equals_the_reference_encoders(ReqioUser user)
    {
        Assert.That(ReqioToken.Mint(user, s_options), Is.EqualTo(ReferenceEncoder.Mint(user, s_key, Audience, Now, 300)));
    }

    [Property(MaxTest = 2000)]
    public void The_reference_encoders_JSON_reads_back_through_System_Text_Json(ReqioUser user)
    {
        var payload = Jwt.Payload(ReferenceEncoder.Mint(user, s_key, Audience, Now, 300));

        Assert.That(Jwt.SameClaims(payload, Jwt.ExpectedClaims(user, Audience, Now, 300)), Is.True);
    }

    [Property(MaxTest = 1000)]
    public void Any_times_token_fits_GetMaxTokenLength(ReqioUser user, NonNegativeInt seconds)
    {
        long now = (long)seconds.Get * 117;   // spreads over 1970 to about 2200
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(now) };

        Assert.That(ReqioToken.Mint(user, options), Has.Length.LessThanOrEqualTo(ReqioToken.GetMaxTokenLength(user, options)));
    }

    [Property(MaxTest = 1000)]
    public void An_unpaired_surrogate_anywhere_is_refused_naming_its_field(BrokenText broken)
    {
        Action build = broken.Field switch
        {
            "id" => () => _ = new ReqioUser(broken.Text + "x"),
            "email" => () => _ = new ReqioUser("1", "a" + broken.Text.Replace(" ", "", StringComparison.Ordinal) + "@b"),
            "plan" => () => _ = new ReqioTraits("p" + broken.Text),
            "audience" => () => _ = new ReqioProject(Secret, "https://reqio.app/p/" + broken.Text),
            _ => () => _ = new ReqioProject(Secret + broken.Text, Audience),
        };

        var e = Assert.Catch<ArgumentException>(() => build());
        Assert.That(e!.ParamName, Is.EqualTo(broken.Field));
    }

#if REQIO_SPANS
    [Property(MaxTest = 500)]
    public void TryMint_into_any_buffer_writes_the_token_or_nothing(ReqioUser user, NonNegativeInt slack, bool shorter)
    {
        string token = ReqioToken.Mint(user, s_options);
        int size = shorter ? Math.Max(0, token.Length - 1 - (slack.Get % (token.Length + 1))) : token.Length + (slack.Get % 64);
        byte[] memory = new byte[size + 32];
        Array.Fill(memory, (byte)0xA5);

        bool ok = ReqioToken.TryMint(user, s_options, memory.AsSpan(16, size), out int written);

        Assert.That(ok, Is.EqualTo(!shorter));
        Assert.That(written, Is.EqualTo(ok ? token.Length : 0));
        string expected = new string('\u00a5', 16) + (ok ? token : "") + new string('\u00a5', size - written + 16);
        Assert.That(Encoding.Latin1.GetString(memory), Is.EqualTo(expected));
    }
#endif
}
