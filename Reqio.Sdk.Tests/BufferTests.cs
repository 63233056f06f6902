#if REQIO_SPANS
using System.Linq;
using System.Text;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// TryMint against every destination size from 0 to the token's length + 1, with guard cells on both sides:
/// too short is <c>false</c> with nothing written; long enough is the token exactly, and nothing past it.
/// </summary>
public sealed class BufferTests
{
    private const int Guard = 16;
    private static readonly PyJwtVector s_vector = PyJwtVector.All.First(v => v.Name == "unicode");

    [Test]
    public void Chars_every_destination_size()
    {
        string token = s_vector.Token;
        for (int size = 0; size <= token.Length + 1; size++)
        {
            char[] memory = Enumerable.Repeat('#', size + (2 * Guard)).ToArray();
            bool ok = ReqioToken.TryMint(s_vector.User, s_vector.Options, memory.AsSpan(Guard, size), out int written);

            Assert.That(ok, Is.EqualTo(size >= token.Length), $"size {size}");
            Assert.That(written, Is.EqualTo(ok ? token.Length : 0), $"size {size}");
            string expected = new string('#', Guard) + (ok ? token + new string('#', size - token.Length) : new string('#', size)) + new string('#', Guard);
            Assert.That(new string(memory), Is.EqualTo(expected), $"size {size}");
        }
    }

    [Test]
    public void Bytes_every_destination_size()
    {
        byte[] token = Encoding.ASCII.GetBytes(s_vector.Token);
        for (int size = 0; size <= token.Length + 1; size++)
        {
            byte[] memory = Enumerable.Repeat((byte)0xEE, size + (2 * Guard)).ToArray();
            bool ok = ReqioToken.TryMint(s_vector.User, s_vector.Options, memory.AsSpan(Guard, size), out int written);

            Assert.That(ok, Is.EqualTo(size >= token.Length), $"size {size}");
            Assert.That(written, Is.EqualTo(ok ? token.Length : 0), $"size {size}");
            byte[] expected = [.. Enumerable.Repeat((byte)0xEE, Guard), .. ok ? token : [], .. Enumerable.Repeat((byte)0xEE, ok ? size - token.Length : size), .. Enumerable.Repeat((byte)0xEE, Guard)];
            Assert.That(memory, Is.EqualTo(expected), $"size {size}");
        }
    }

    [Test]
    public void A_buffer_of_GetMaxTokenLength_or_MaxTokenLength_always_suffices()
    {
        int max = ReqioToken.GetMaxTokenLength(s_vector.User, s_vector.Options);

        Assert.That(ReqioToken.TryMint(s_vector.User, s_vector.Options, new char[max], out _), Is.True);
        Assert.That(ReqioToken.TryMint(s_vector.User, s_vector.Options, stackalloc byte[ReqioToken.MaxTokenLength], out _), Is.True);
    }
}
#endif
