using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// Checks every response of one endpoint, for one worker of the load generator: status 200, and a body that is,
/// byte for byte, the last token this check verified, or else a token it verifies now: three base64url parts whose
/// signature is the HMAC-SHA256 of the first two under the reference key, read apart by <see cref="Reference.Verify"/>
/// (header, signature, the reference user's claims, its age). Every endpoint answers the reference user's token, the
/// same one for a second at least, so a signature is computed once a token rather than once a response, and the
/// generator's core keeps its headroom.
/// </summary>
internal sealed class ResponseCheck(TokenEndpoint endpoint) : IDisposable
{
    private readonly HMACSHA256 _hmac = new(Reference.Key);
    private readonly byte[] _mac = new byte[HMACSHA256.HashSizeInBytes];
    private readonly byte[] _signature = new byte[Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes)];
    private byte[] _verified = [];

    /// <summary>Throws unless the response is a valid token for the reference user.</summary>
    public void Check(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{endpoint}: status {(int)status}, not 200");
        }

        if (body.SequenceEqual(_verified))
        {
            return;
        }

        int first = body.IndexOf((byte)'.');
        int last = body.LastIndexOf((byte)'.');
        if (first <= 0 || last <= first + 1 || last == body.Length - 1 || body[(first + 1)..last].Contains((byte)'.'))
        {
            throw new InvalidOperationException($"{endpoint}: not three base64url parts: {Encoding.ASCII.GetString(body)}");
        }

        _hmac.TryComputeHash(body[..last], _mac, out _);
        Base64Url.EncodeToUtf8(_mac, _signature);
        if (!body[(last + 1)..].SequenceEqual(_signature))
        {
            throw new InvalidOperationException($"{endpoint}: the signature does not verify with the key");
        }

        Reference.Verify(Encoding.ASCII.GetString(body), Reference.User, endpoint.Path, endpoint.MaxAge);
        _verified = body.ToArray();
    }

    public void Dispose() => _hmac.Dispose();
}
