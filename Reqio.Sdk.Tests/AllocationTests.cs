#if REQIO_NET8
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// On the net8.0 build TryMint allocates nothing and Mint only its string. Allocation counts are exact, so these are
/// real assertions; tiered compilation allocates while it promotes methods, so each test first warms up with tens
/// of thousands of calls (as measured on this kind of machine).
/// </summary>
[NonParallelizable]
public sealed class AllocationTests
{
    private const int WarmUp = 50_000;
    private const int Measured = 1_000;
    private static readonly PyJwtVector s_vector = PyJwtVector.All[0];

    private static readonly ReqioProject s_systemClockOptions = new(s_vector.Secret, s_vector.Audience);

    [Test]
    public void TryMint_into_chars_allocates_nothing()
    {
        ReqioUser user = s_vector.User;
        char[] buffer = new char[ReqioToken.MaxTokenLength];

        Assert.That(BytesOverMeasuredCalls(() => ReqioToken.TryMint(user, s_systemClockOptions, buffer, out _)), Is.Zero);
    }

    [Test]
    public void TryMint_into_UTF8_allocates_nothing()
    {
        ReqioUser user = s_vector.User;
        byte[] buffer = new byte[ReqioToken.MaxTokenLength];

        Assert.That(BytesOverMeasuredCalls(() => ReqioToken.TryMint(user, s_systemClockOptions, buffer, out _)), Is.Zero);
    }

    [Test]
    public void Mint_allocates_only_the_returned_string()
    {
        ReqioUser user = s_vector.User;
        int length = ReqioToken.Mint(user, s_systemClockOptions).Length;

        long total = BytesOverMeasuredCalls(() => ReqioToken.Mint(user, s_systemClockOptions));

        Assert.That(total, Is.EqualTo(Measured * SizeOfString(length)));
        TestContext.Out.WriteLine($"Mint: {total / Measured} B per call for a {length}-character token");
    }

    /// <summary>Warms <paramref name="call"/> up, then returns what <see cref="Measured"/> calls allocate on this thread.</summary>
    private static long BytesOverMeasuredCalls(Action call)
    {
        for (int i = 0; i < WarmUp; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Measured; i++)
        {
            call();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long SizeOfString(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new string('x', length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
#endif
