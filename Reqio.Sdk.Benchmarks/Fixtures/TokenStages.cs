using System.Text;

namespace Reqio.Sdk.Benchmarks.Fixtures;

/// <summary>
/// <see cref="ReqioToken.TryMint(ReqioUser, ReqioProject, Span{byte}, out int)"/> taken apart: each stage of the
/// encoder called on its own, over the reference user, through the same internal methods TryMint calls. Summed, the
/// stages should come within a few percent of the whole; the remainder is argument checks, the stack buffers and
/// the header copy. Each method runs its stage <c>count</c> times.
/// </summary>
internal sealed class TokenStages
{
    private const int HeaderLength = TokenEncoder.HeaderLength;

    private readonly ReqioUser _user = Reference.User;
    private readonly ReqioProject _options = Reference.Options;
    private readonly byte[] _token;
    private readonly byte[] _json;
    private readonly byte[] _mac = new byte[Hs256Signer.MacLength];
    private readonly char[] _chars = new char[ReqioToken.MaxTokenLength];
    private readonly long _issuedAt;
    private readonly int _jsonLength;
    private readonly int _signedLength;

    public TokenStages()
    {
        _issuedAt = TokenEncoder.ReadClock(_options);
        _json = new byte[TokenEncoder.MaxPayloadLength];
        _jsonLength = TokenEncoder.WritePayload(_user, _options, _issuedAt, new TokenBuffer(_json));
        _token = new byte[TokenEncoder.GetTokenLength(_jsonLength)];
        _signedLength = HeaderLength + Base64UrlWriter.GetEncodedLength(_jsonLength);

        // TryMint writes the header; every other byte is cleared, then written by the stages in order, and the result
        // must verify as the reference user's token.
        ReqioToken.TryMint(_user, _options, _token, out _);
        Array.Clear(_token, HeaderLength, _token.Length - HeaderLength);
        ClockRead(1);
        PayloadJson(1);
        PayloadBase64Url(1);
        _token[_signedLength] = (byte)'.';
        Mac(1);
        SignatureBase64Url(1);
        Reference.Verify(Encoding.ASCII.GetString(_token), _user, "the stages in order");
        WidenToChars(1);
        if (new string(_chars, 0, _token.Length) != MintString(1))
        {
            throw new InvalidOperationException("the widened token differs from Mint's string");
        }
    }

    public long ClockRead(int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += TokenEncoder.ReadClock(_options);
        }

        return sum;
    }

    public long PayloadJson(int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += TokenEncoder.WritePayload(_user, _options, _issuedAt, new TokenBuffer(_json));
        }

        return sum;
    }

    public long PayloadBase64Url(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Base64UrlWriter.Encode(new TokenBuffer(_json), _jsonLength, new TokenBuffer(_token), HeaderLength);
        }

        return _token[HeaderLength];
    }

    public long Mac(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _options.Signer.Sign(new TokenBuffer(_token), _signedLength, new TokenBuffer(_mac));
        }

        return _mac[0];
    }

    public long SignatureBase64Url(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Base64UrlWriter.Encode(new TokenBuffer(_mac), Hs256Signer.MacLength, new TokenBuffer(_token), _signedLength + 1);
        }

        return _token[^1];
    }

    public long WidenToChars(int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += Encoding.ASCII.GetChars(_token, _chars);
        }

        return sum;
    }

    /// <summary>Mint's last stage: the string made of the token's bytes.</summary>
    public string MintString(int count)
    {
        string token = "";
        for (int i = 0; i < count; i++)
        {
            token = Encoding.ASCII.GetString(_token);
        }

        return token;
    }

    /// <summary>Only the allocation of a string as long as the token, which <see cref="MintString"/> also fills.</summary>
    public long AllocateString(int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += string.Create(_token.Length, 0, static (_, _) => { }).Length;
        }

        return sum;
    }
}
