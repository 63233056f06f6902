using System.Security.Cryptography;
using System.Threading;

namespace Reqio.Sdk;

/// <summary>
/// Computes HS256 MACs for one key. Keying an <see cref="HMACSHA256"/> costs about as much as the MAC itself (on
/// Linux, OpenSSL builds a fresh context for every one-shot call), so each thread keeps one keyed instance per key
/// and reuses it. Instances are not thread-safe, which is why they are per thread; no lock is taken on the hot path.
/// </summary>
internal sealed class Hs256Signer
{
    public const int MacLength = 32;

    private readonly byte[] _key;
    private readonly ThreadLocal<HMACSHA256> _perThread;

    /// <param name="key">The key; the signer keeps this array, so the caller passes a private copy.</param>
    public Hs256Signer(byte[] key)
    {
        _key = key;
        _perThread = new ThreadLocal<HMACSHA256>(CreateInstance);
    }

    public int KeyLength => _key.Length;

    /// <summary>Writes the MAC of the first <paramref name="count"/> bytes at <paramref name="destination"/>.</summary>
    public void Sign(TokenBuffer buffer, int count, int destination) =>
        buffer.WriteMac(_perThread.Value!, count, destination);

    private HMACSHA256 CreateInstance() => new(_key);
}
