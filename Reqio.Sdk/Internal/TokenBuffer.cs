using System.Security.Cryptography;

namespace Reqio.Sdk;

/// <summary>
/// The bytes a token is written into. Where the target has spans this is the caller's span, so a token is written
/// straight into the caller's memory; on netstandard2.0, which has no spans without a package, it is an array.
/// This file holds every line in which the targets differ about storage and the MAC; the JSON, base64url and number
/// writers above it are shared by all targets.
/// </summary>
internal readonly ref struct TokenBuffer
{
#if NETSTANDARD2_0
    private readonly byte[] _bytes;

    public TokenBuffer(byte[] bytes) => _bytes = bytes;
#else
    private readonly Span<byte> _bytes;

    public TokenBuffer(Span<byte> bytes) => _bytes = bytes;
#endif

    public int Length => _bytes.Length;

    public byte this[int index]
    {
        get => _bytes[index];
        set => _bytes[index] = value;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="position"/>; returns the position after it.</summary>
    public int Write(int position, byte[] source)
    {
#if NETSTANDARD2_0
        Buffer.BlockCopy(source, 0, _bytes, position, source.Length);
#else
        source.CopyTo(_bytes.Slice(position));
#endif
        return position + source.Length;
    }

    /// <summary>
    /// Writes the HMAC-SHA256 of the first <paramref name="count"/> bytes to the 32 bytes at
    /// <paramref name="destination"/>, which must not overlap them.
    /// </summary>
    public void WriteMac(HMACSHA256 hmac, int count, int destination)
    {
#if NETSTANDARD2_0
        byte[] mac = hmac.ComputeHash(_bytes, 0, count);
        Buffer.BlockCopy(mac, 0, _bytes, destination, mac.Length);
#else
        bool written = hmac.TryComputeHash(_bytes.Slice(0, count), _bytes.Slice(destination, Hs256Signer.MacLength), out _);
        System.Diagnostics.Debug.Assert(written, "The MAC always fits: its destination is exactly 32 bytes.");
#endif
    }
}
