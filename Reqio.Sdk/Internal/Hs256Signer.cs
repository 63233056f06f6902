using System.Security.Cryptography;
using System.Threading;

namespace Reqio.Sdk;

/// <summary>
/// Computes HS256 MACs for one key. Keying an <see cref="HMACSHA256"/> costs about as much as the MAC itself (on
/// Linux, OpenSSL builds a fresh context for every one-shot call), so each thread keeps one keyed instance per key
/// and reuses it. Instances are not thread-safe, which is why they are per thread; no lock is taken on the hot path.
/// <para>
/// A thread-static pair remembers the signer a thread used last and its instance, so the usual case, one options
/// object per application, costs a field read instead of a <see cref="ThreadLocal{T}"/> lookup. The pair keeps that
/// one signer reachable from the thread until the thread signs with another.
/// </para>
/// </summary>
internal sealed class Hs256Signer
{
    public const int MacLength = 32;

    [ThreadStatic]
    private static Hs256Signer? s_lastSignerOnThread;

    [ThreadStatic]
    private static HMACSHA256? s_lastInstanceOnThread;

    private readonly byte[] _key;
    private readonly ThreadLocal<HMACSHA256> _perThread;

    /// <param name="key">The key; the signer keeps this array, so the caller passes a private copy.</param>
    public Hs256Signer(byte[] key)
    {
        _key = key;
        _perThread = new ThreadLocal<HMACSHA256>(CreateInstance);
    }

    public int KeyLength => _key.Length;

    /// <summary>Writes the MAC of the first <paramref name="count"/> bytes of <paramref name="input"/> to the start of <paramref name="output"/>.</summary>
    public void Sign(TokenBuffer input, int count, TokenBuffer output) =>
        ComputeMac(InstanceForThisThread(), input, count, output);

#if NETSTANDARD2_0
    private static void ComputeMac(HMACSHA256 hmac, TokenBuffer input, int count, TokenBuffer output)
    {
        byte[] mac = hmac.ComputeHash(input.Array, input.Offset, count);
        Buffer.BlockCopy(mac, 0, output.Array, output.Offset, MacLength);
    }
#else
    private static void ComputeMac(HMACSHA256 hmac, TokenBuffer input, int count, TokenBuffer output)
    {
        bool written = hmac.TryComputeHash(input.Span.Slice(0, count), output.Span.Slice(0, MacLength), out _);
        System.Diagnostics.Debug.Assert(written, "The output holds a whole MAC.");
    }
#endif

    private HMACSHA256 InstanceForThisThread()
    {
        if (ReferenceEquals(s_lastSignerOnThread, this))
        {
            return s_lastInstanceOnThread!;
        }

        HMACSHA256 instance = _perThread.Value!;
        s_lastSignerOnThread = this;
        s_lastInstanceOnThread = instance;
        return instance;
    }

    private HMACSHA256 CreateInstance() => new(_key);
}
