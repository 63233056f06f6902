using System.Collections.Generic;
using System.Linq;
using System.Text;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Our tokens verify, and decode to exactly the claims they were minted from, with two independent HS256
/// implementations: Microsoft.IdentityModel.JsonWebTokens and jose (node). Each oracle is also shown to reject a
/// token signed with another key, so these tests can fail.
/// </summary>
public sealed class IndependentVerificationTests
{
    private const long Now = 1_764_000_000;
    private const int GeneratedCount = 300;

    private static ReqioProject Options => new(Secret, Audience) { Clock = new FixedClock(Now) };

    [Test]
    public void Vectors_verify_with_IdentityModel_and_carry_their_claims()
    {
        foreach (PyJwtVector vector in PyJwtVector.All)
        {
            string token = ReqioToken.Mint(vector.User, vector.Options);
            var payload = IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(vector.Secret), vector.Audience,
                DateTimeOffset.FromUnixTimeSeconds(vector.IssuedAt + 1));

            Assert.That(Jwt.SameClaims(payload, vector.Claims), Is.True, vector.Name);
        }
    }

    [Test]
    [Category(Needs.Node)]
    public void Vectors_verify_with_jose_and_carry_their_claims()
    {
        foreach (PyJwtVector vector in PyJwtVector.All)
        {
            string token = ReqioToken.Mint(vector.User, vector.Options);
            var payload = JoseVerifier.VerifyAll([token], vector.Secret, vector.Audience, vector.IssuedAt + 1).Single();

            Assert.That(Jwt.SameClaims(payload, vector.Claims), Is.True, vector.Name);
        }
    }

    [Test]
    public void Generated_users_verify_with_IdentityModel_and_decode_to_their_claims()
    {
        ReqioProject options = Options;
        foreach (ReqioUser user in new RandomUsers(seed: 2).Take(GeneratedCount))
        {
            string token = ReqioToken.Mint(user, options);
            var payload = IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(Secret), Audience,
                DateTimeOffset.FromUnixTimeSeconds(Now + 299));

            Assert.That(Jwt.SameClaims(payload, Jwt.ExpectedClaims(user, Audience, Now, 300)), Is.True, user.ToString());
        }
    }

    [Test]
    [Category(Needs.Node)]
    public void Generated_users_verify_with_jose_and_decode_to_their_claims()
    {
        ReqioProject options = Options;
        List<ReqioUser> users = new RandomUsers(seed: 3).Take(GeneratedCount);
        List<string> tokens = users.Select(u => ReqioToken.Mint(u, options)).ToList();

        IReadOnlyList<System.Text.Json.Nodes.JsonObject> payloads = JoseVerifier.VerifyAll(tokens, Secret, Audience, Now + 299);

        for (int i = 0; i < users.Count; i++)
        {
            Assert.That(Jwt.SameClaims(payloads[i], Jwt.ExpectedClaims(users[i], Audience, Now, 300)), Is.True, users[i].ToString());
        }
    }

    [Test]
    [Category(Needs.Node)]
    public void Jose_rejects_a_wrong_key_an_expired_token_and_a_tampered_payload()
    {
        (string token, string otherKey, string tampered) = TokensToReject();

        IReadOnlyList<string?> errors = JoseVerifier.Errors([token, otherKey, tampered], Secret, Audience, Now + 1);
        IReadOnlyList<string?> expired = JoseVerifier.Errors([token], Secret, Audience, Now + 300);

        Assert.That(errors[0], Is.Null);
        Assert.That(errors[1], Does.Contain("signature"));
        Assert.That(errors[2], Does.Contain("signature"));
        Assert.That(expired[0], Does.Contain("exp"));
    }

    [Test]
    public void IdentityModel_rejects_a_wrong_key_an_expired_token_and_a_tampered_payload()
    {
        (string token, string otherKey, string tampered) = TokensToReject();
        byte[] key = Encoding.UTF8.GetBytes(Secret);

        Assert.DoesNotThrow(() => IdentityModelVerifier.Verify(token, key, Audience, DateTimeOffset.FromUnixTimeSeconds(Now + 1)));
        Assert.Throws<AssertionException>(() => IdentityModelVerifier.Verify(otherKey, key, Audience, DateTimeOffset.FromUnixTimeSeconds(Now + 1)));
        Assert.Throws<AssertionException>(() => IdentityModelVerifier.Verify(tampered, key, Audience, DateTimeOffset.FromUnixTimeSeconds(Now + 1)));
        Assert.Throws<AssertionException>(() => IdentityModelVerifier.Verify(token, key, Audience, DateTimeOffset.FromUnixTimeSeconds(Now + 300)));
    }

    /// <summary>A good token, the same signed with another key, and the good one with its payload changed after signing.</summary>
    private static (string Token, string OtherKey, string Tampered) TokensToReject()
    {
        var user = new ReqioUser("42", "grace@example.org");
        string token = ReqioToken.Mint(user, Options);
        string otherKey = ReqioToken.Mint(user, new ReqioProject(Secret + "x", Audience) { Clock = new FixedClock(Now) });
        string[] parts = token.Split('.');
        string tampered = parts[0] + "." + Jwt.Base64UrlEncode(Encoding.UTF8.GetBytes(Jwt.PayloadJson(token).Replace("\"42\"", "\"43\""))) + "." + parts[2];
        return (token, otherKey, tampered);
    }
}
