using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// Storage for the bytes the encoder writes: the token itself, or the scratch space its payload JSON and MAC are
/// built in. Here, where spans exist, a span: the caller's destination, or stack memory. (netstandard2.0, which has
/// no spans without a package, uses a slice of an array: <c>TokenBuffer.Arrays.cs</c>.) It holds no algorithm: the code that writes JSON, base64url
/// and MACs into it lives in <see cref="JsonString"/>, <see cref="Base64UrlWriter"/> and <see cref="Hs256Signer"/>.
/// </summary>
internal readonly ref struct TokenBuffer
{
    private readonly Span<byte> _bytes;

    public TokenBuffer(Span<byte> bytes) => _bytes = bytes;

    /// <summary>The bytes themselves.</summary>
    public Span<byte> Span => _bytes;

    public int Length => _bytes.Length;

    public byte this[int index]
    {
        get => _bytes[index];
        set => _bytes[index] = value;
    }

    public static TokenBuffer Over(byte[] array, int offset, int length) => new(array.AsSpan(offset, length));

    /// <summary>Copies <paramref name="source"/> to <paramref name="position"/>; returns the position after it.</summary>
    public int Write(int position, byte[] source)
    {
        source.CopyTo(_bytes.Slice(position));
        return position + source.Length;
    }

    /// <summary>
    /// Copies <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/>, all ASCII, to
    /// <paramref name="position"/> as bytes; returns the position after them.
    /// </summary>
    public int WriteAscii(int position, string text, int start, int count) =>
        position + Encoding.ASCII.GetBytes(text.AsSpan(start, count), _bytes.Slice(position));
}
