using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// Storage for the bytes the encoder writes: the token itself, or the scratch space its payload JSON and MAC are
/// built in. On netstandard2.0, which has no spans without a package, a slice of an array. (Where spans exist it is
/// a span: <c>TokenBuffer.Spans.cs</c>.) It holds no algorithm: the code that writes JSON, base64url
/// and MACs into it lives in <see cref="JsonString"/>, <see cref="Base64UrlWriter"/> and <see cref="Hs256Signer"/>.
/// </summary>
internal readonly ref struct TokenBuffer
{
    private TokenBuffer(byte[] array, int offset, int length)
    {
        Array = array;
        Offset = offset;
        Length = length;
    }

    /// <summary>The array the buffer is a slice of.</summary>
    public byte[] Array { get; }

    /// <summary>Where the slice starts in <see cref="Array"/>.</summary>
    public int Offset { get; }

    public int Length { get; }

    public byte this[int index]
    {
        get => Array[Offset + index];
        set => Array[Offset + index] = value;
    }

    public static TokenBuffer Over(byte[] array, int offset, int length) => new(array, offset, length);

    /// <summary>Copies <paramref name="source"/> to <paramref name="position"/>; returns the position after it.</summary>
    public int Write(int position, byte[] source)
    {
        Buffer.BlockCopy(source, 0, Array, Offset + position, source.Length);
        return position + source.Length;
    }

    /// <summary>
    /// Copies <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/>, all ASCII, to
    /// <paramref name="position"/> as bytes; returns the position after them.
    /// </summary>
    public int WriteAscii(int position, string text, int start, int count) =>
        position + Encoding.ASCII.GetBytes(text, start, count, Array, Offset + position);
}
