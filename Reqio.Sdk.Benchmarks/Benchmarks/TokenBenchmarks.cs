using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using JWT;
using JWT.Algorithms;
using JWT.Serializers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// One token for the reference user. Per request, as an application mints: Reqio's <c>Mint</c> and <c>TryMint</c>
/// with the <see cref="ReqioUser"/> built inside the call from the application's record, and the four .NET JWT
/// libraries building their claims dictionary from the same record inside the call. With options and user built
/// once: Reqio's three tiers alone. Beside them a plain span encoder, building the user alone, and the two HMAC floors
/// over the same signing input. The baseline is the reused-instance HMAC, the least any HS256 encoder on this runtime
/// can cost, so the Ratio column reads "times the MAC alone".
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private readonly AppUser _app = Reference.AppUser;
    private readonly ReqioUser _user = Reference.User;
    private readonly ReqioProject _options = Reference.Options;
    private readonly char[] _chars = new char[ReqioToken.MaxTokenLength];
    private readonly byte[] _bytes = new byte[ReqioToken.MaxTokenLength];
    private readonly byte[] _mac = new byte[32];
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(Reference.Key), SecurityAlgorithms.HmacSha256);
    private readonly JsonWebTokenHandler _jsonWebTokenHandler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtSecurityTokenHandler _jwtSecurityTokenHandler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtEncoder _jwtDotNet = new(new HMACSHA256Algorithm(), new JsonNetSerializer(), new JwtBase64UrlEncoder());
    private readonly PlainSpanEncoder _plain = new();
    private byte[] _signingInput = [];
    private HMACSHA256 _hmac = null!;

    [GlobalSetup]
    public void VerifyEveryMethod()
    {
        string token = Reqio_Mint();
        _signingInput = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
        _hmac = new HMACSHA256(Reference.Key);

        Reference.Verify(token, _user, nameof(Reqio_Mint));
        Reference.Verify(new string(_chars, 0, Reqio_TryMint_Chars()), _user, nameof(Reqio_TryMint_Chars));
        Reference.Verify(Encoding.ASCII.GetString(_bytes, 0, Reqio_TryMint_Utf8()), _user, nameof(Reqio_TryMint_Utf8));
        Reference.Verify(Reqio_Mint_PerRequest(), _user, nameof(Reqio_Mint_PerRequest));
        Reference.Verify(Encoding.ASCII.GetString(_bytes, 0, Reqio_TryMint_Utf8_PerRequest()), _user, nameof(Reqio_TryMint_Utf8_PerRequest));
        Reference.Verify(Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken(), _user, "JsonWebTokens");
        Reference.Verify(Peer_SystemIdentityModelTokensJwt_WriteToken(), _user, "System.IdentityModel.Tokens.Jwt");
        Reference.Verify(Peer_JwtDotNet_Encode(), _user, "JWT");
        Reference.Verify(Peer_JoseJwt_Encode(), _user, "jose-jwt");
        Reference.Verify(Plain_SpanEncoder_NoEscapingNoValidation(), _user, "plain span encoder");
        if (Reqio_BuildUser() != _user)
        {
            throw new InvalidOperationException($"{nameof(Reqio_BuildUser)}: the user differs from the reference user");
        }

        string signature = token[(token.LastIndexOf('.') + 1)..];
        Hmac_ReusedInstance_TryComputeHash();
        CheckMac(signature, "reused HMAC");
        Hmac_OneShot_HashData();
        CheckMac(signature, "one-shot HMAC");
    }

    [GlobalCleanup]
    public void Cleanup() => _hmac.Dispose();

    [Benchmark]
    public string Reqio_Mint_PerRequest() => ReqioToken.Mint(_app.ToReqioUser(), _options);

    [Benchmark]
    public int Reqio_TryMint_Utf8_PerRequest()
    {
        ReqioToken.TryMint(_app.ToReqioUser(), _options, _bytes, out int written);
        return written;
    }

    [Benchmark]
    public string Reqio_Mint() => ReqioToken.Mint(_user, _options);

    [Benchmark]
    public int Reqio_TryMint_Chars()
    {
        ReqioToken.TryMint(_user, _options, _chars, out int written);
        return written;
    }

    [Benchmark]
    public int Reqio_TryMint_Utf8()
    {
        ReqioToken.TryMint(_user, _options, _bytes, out int written);
        return written;
    }

    [Benchmark]
    public ReqioUser Reqio_BuildUser() => _app.ToReqioUser();

    [Benchmark]
    public string Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken() =>
        _jsonWebTokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = Reference.Claims(_app, Reference.Now()),
            SigningCredentials = _credentials,
        });

    [Benchmark]
    public string Peer_SystemIdentityModelTokensJwt_WriteToken()
    {
        var payload = new JwtPayload();
        foreach (var claim in Reference.Claims(_app, Reference.Now()))
        {
            payload[claim.Key] = claim.Value;
        }

        return _jwtSecurityTokenHandler.WriteToken(new JwtSecurityToken(new JwtHeader(_credentials), payload));
    }

    [Benchmark]
    public string Peer_JwtDotNet_Encode() => _jwtDotNet.Encode(Reference.Claims(_app, Reference.Now()), Reference.Key);

    [Benchmark]
    public string Peer_JoseJwt_Encode() => Jose.JWT.Encode(Reference.Claims(_app, Reference.Now()), Reference.Key, Jose.JwsAlgorithm.HS256);

    [Benchmark]
    public string Plain_SpanEncoder_NoEscapingNoValidation() =>
        _plain.Mint(_app.Id, _app.Email, _app.Plan, _app.AmountCents, "month", Reference.Audience, Reference.Now());

    [Benchmark]
    public int Hmac_OneShot_HashData() => HMACSHA256.HashData(Reference.Key, _signingInput, _mac);

    [Benchmark(Baseline = true)]
    public bool Hmac_ReusedInstance_TryComputeHash() => _hmac.TryComputeHash(_signingInput, _mac, out _);

    private void CheckMac(string signature, string who)
    {
        if (Jwt.Base64UrlEncode(_mac) != signature)
        {
            throw new InvalidOperationException($"{who}: the MAC of the signing input is not the token's signature");
        }
    }
}
