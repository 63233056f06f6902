#if REQIO_NETFX
namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// <see cref="Random"/>'s 64-bit draws, which .NET Framework lacks, for the seeded generators: uniform by rejection,
/// so a test on .NET Framework draws from the same ranges as on .NET (not the same sequence; seeds replay per runtime).
/// </summary>
internal static class RandomPolyfill
{
    /// <summary>A non-negative <see cref="long"/> below <see cref="long.MaxValue"/>.</summary>
    public static long NextInt64(this Random random) => random.NextInt64(0, long.MaxValue);

    /// <summary>A <see cref="long"/> at or above <paramref name="minValue"/> and below <paramref name="maxValue"/>.</summary>
    public static long NextInt64(this Random random, long minValue, long maxValue)
    {
        ulong range = (ulong)(maxValue - minValue);
        if (range <= 1)
        {
            return minValue;
        }

        // The largest multiple of range that fits, so every remainder is equally likely.
        ulong limit = ulong.MaxValue - (ulong.MaxValue % range) - 1;
        byte[] bytes = new byte[8];
        ulong draw;
        do
        {
            random.NextBytes(bytes);
            draw = BitConverter.ToUInt64(bytes, 0);
        }
        while (draw > limit);

        return (long)((ulong)minValue + (draw % range));
    }
}
#endif
