using System.Collections.Generic;
using System.Text;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>Every token PyJWT minted, reproduced byte for byte by every tier of the SDK.</summary>
public sealed class PyJwtVectorTests
{
    public static IEnumerable<PyJwtVector> Vectors => PyJwtVector.All;

    [Test]
    public void The_vector_file_holds_the_cases_it_promises()
    {
        Assert.That(PyJwtVector.All, Has.Count.GreaterThanOrEqualTo(10));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Mint_returns_PyJWTs_token(PyJwtVector vector)
    {
        Assert.That(ReqioToken.Mint(vector.User, vector.Options), Is.EqualTo(vector.Token));
    }

    [TestCaseSource(nameof(Vectors))]
    public void The_naive_reference_encoder_of_the_differential_tests_reproduces_PyJWT_too(PyJwtVector vector)
    {
        Assert.That(ReferenceEncoder.Mint(vector.User, Encoding.UTF8.GetBytes(vector.Secret), vector.Audience, vector.IssuedAt, vector.LifetimeSeconds),
            Is.EqualTo(vector.Token));
    }

    [TestCaseSource(nameof(Vectors))]
    public void The_payload_holds_the_vectors_claims_in_order(PyJwtVector vector)
    {
        var payload = Jwt.Payload(ReqioToken.Mint(vector.User, vector.Options));

        Assert.That(Jwt.SameClaims(payload, vector.Claims), Is.True, payload.ToJsonString());
        Assert.That(Jwt.SameClaims(payload, Jwt.ExpectedClaims(vector.User, vector.Audience, vector.IssuedAt, vector.LifetimeSeconds)), Is.True);
    }

    [TestCaseSource(nameof(Vectors))]
    public void GetMaxTokenLength_is_at_least_the_tokens_length(PyJwtVector vector)
    {
        int max = ReqioToken.GetMaxTokenLength(vector.User, vector.Options);

        Assert.That(max, Is.GreaterThanOrEqualTo(vector.Token.Length).And.LessThanOrEqualTo(ReqioToken.MaxTokenLength));
        // Only iat and exp can grow: from 10 digits each today to 12 by the year 9999.
        Assert.That(max - vector.Token.Length, Is.LessThanOrEqualTo(6));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Raw_key_bytes_sign_like_the_secret_they_encode(PyJwtVector vector)
    {
        var options = new ReqioProject(Encoding.UTF8.GetBytes(vector.Secret), vector.Audience)
        {
            Lifetime = TimeSpan.FromSeconds(vector.LifetimeSeconds),
            Clock = new FixedClock(vector.IssuedAt),
        };

        Assert.That(ReqioToken.Mint(vector.User, options), Is.EqualTo(vector.Token));
    }

#if REQIO_SPANS
    [TestCaseSource(nameof(Vectors))]
    public void TryMint_into_chars_writes_PyJWTs_token(PyJwtVector vector)
    {
        var buffer = new char[ReqioToken.MaxTokenLength];

        bool ok = ReqioToken.TryMint(vector.User, vector.Options, buffer, out int written);

        Assert.That(ok, Is.True);
        Assert.That(new string(buffer, 0, written), Is.EqualTo(vector.Token));
    }

    [TestCaseSource(nameof(Vectors))]
    public void TryMint_into_UTF8_writes_PyJWTs_token(PyJwtVector vector)
    {
        var buffer = new byte[ReqioToken.MaxTokenLength];

        bool ok = ReqioToken.TryMint(vector.User, vector.Options, buffer, out int written);

        Assert.That(ok, Is.True);
        Assert.That(Encoding.ASCII.GetString(buffer, 0, written), Is.EqualTo(vector.Token));
    }
#endif
}
