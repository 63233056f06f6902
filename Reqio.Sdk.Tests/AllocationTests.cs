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

    private static readonly ReqioOptions s_systemClockOptions = new(s_vector.Secret, s_vector.Audience);

    [Test]
    public void TryMint_into_chars_allocates_nothing()
    {
        ReqioUser user = s_vector.User;
        char[] buffer = new char[ReqioToken.MaxTokenLength];
        for (int i = 0; i < WarmUp; i++)
        {
            ReqioToken.TryMint(user, s_systemClockOptions, buffer, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Measured; i++)
        {
            ReqioToken.TryMint(user, s_systemClockOptions, buffer, out _);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void TryMint_into_UTF8_allocates_nothing()
    {
        ReqioUser user = s_vector.User;
        byte[] buffer = new byte[ReqioToken.MaxTokenLength];
        for (int i = 0; i < WarmUp; i++)
        {
            ReqioToken.TryMint(user, s_systemClockOptions, buffer, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Measured; i++)
        {
            ReqioToken.TryMint(user, s_systemClockOptions, buffer, out _);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Mint_allocates_only_the_returned_string()
    {
        ReqioUser user = s_vector.User;
        for (int i = 0; i < WarmUp; i++)
        {
            ReqioToken.Mint(user, s_systemClockOptions);
        }

        int length = ReqioToken.Mint(user, s_systemClockOptions).Length;
        long stringSize = SizeOfString(length);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Measured; i++)
        {
            ReqioToken.Mint(user, s_systemClockOptions);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Measured;
        Assert.That(perCall, Is.EqualTo(stringSize));
        TestContext.Out.WriteLine($"Mint: {perCall} B per call for a {length}-character token");
    }

    private static long SizeOfString(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new string('x', length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
#endif
