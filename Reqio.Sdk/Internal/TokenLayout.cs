namespace Reqio.Sdk;

/// <summary>
/// Where everything of one token goes, worked out before a byte is written, so a short destination is known up front
/// and nothing is written to it. The token is <c>header.payload.signature</c>:
/// 36 + 1 + <see cref="PayloadLength"/> + 1 + 43 characters.
/// </summary>
internal readonly struct TokenLayout
{
    /// <summary>Base64url of <c>{"alg":"HS256","typ":"JWT"}</c> and the dot after it.</summary>
    public const int HeaderLength = 37;

    /// <summary>The dot before the signature and the 43 characters of a base64url HMAC-SHA256.</summary>
    public const int SignatureLength = 44;

    public TokenLayout(long issuedAt, long expiresAt, int jsonLength)
    {
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        JsonLength = jsonLength;
        PayloadLength = Base64UrlWriter.GetEncodedLength(jsonLength);
    }

    /// <summary>The <c>iat</c> claim, in Unix seconds.</summary>
    public long IssuedAt { get; }

    /// <summary>The <c>exp</c> claim, in Unix seconds.</summary>
    public long ExpiresAt { get; }

    /// <summary>The payload's length as JSON.</summary>
    public int JsonLength { get; }

    /// <summary>The payload's length in base64url.</summary>
    public int PayloadLength { get; }

    /// <summary>The scratch space the encoder needs: room for the payload JSON, and later for the 32-byte MAC.</summary>
    public int ScratchLength => Math.Max(JsonLength, Hs256Signer.MacLength);

    /// <summary>The whole token's length; every character is ASCII, so it is the same in chars and in UTF-8 bytes.</summary>
    public int TokenLength => HeaderLength + PayloadLength + SignatureLength;
}
