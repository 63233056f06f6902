namespace Reqio.Sdk;

/// <summary>
/// Writes non-negative integers as plain JSON digits (no sign, exponent or fraction), as Python does. Times until
/// 2106 and most amounts fit in 32 bits, where division by ten is several times cheaper than in 64, so those take
/// the 32-bit path.
/// </summary>
internal static class JsonNumber
{
    // "00" "01" … "99": two digits a division, half the dependent divisions of one digit at a time.
    private static readonly byte[] s_pairs = BuildPairs();

    public static int CountDigits(long value)
    {
        if (value <= uint.MaxValue)
        {
            return CountDigits((uint)value);
        }

        int digits = 10;
        for (value /= 10_000_000_000; value > 0; value /= 10)
        {
            digits++;
        }

        return digits;
    }

    /// <summary>Writes <paramref name="value"/> (at least 0) at <paramref name="position"/>; returns the position after it.</summary>
    public static int Write(TokenBuffer buffer, int position, long value)
    {
        int end = position + CountDigits(value);
        int i = end - 1;
        while (value > uint.MaxValue)
        {
            long quotient = value / 10;
            buffer[i--] = (byte)('0' + (int)(value - (quotient * 10)));
            value = quotient;
        }

        uint small = (uint)value;
        while (small >= 100)
        {
            uint quotient = small / 100;
            int pair = (int)(small - (quotient * 100)) * 2;
            buffer[i--] = s_pairs[pair + 1];
            buffer[i--] = s_pairs[pair];
            small = quotient;
        }

        if (small >= 10)
        {
            buffer[i--] = s_pairs[((int)small * 2) + 1];
            buffer[i] = s_pairs[(int)small * 2];
        }
        else
        {
            buffer[i] = (byte)('0' + small);
        }

        return end;
    }

    private static byte[] BuildPairs()
    {
        var pairs = new byte[200];
        for (int n = 0; n < 100; n++)
        {
            pairs[n * 2] = (byte)('0' + (n / 10));
            pairs[(n * 2) + 1] = (byte)('0' + (n % 10));
        }

        return pairs;
    }

    private static int CountDigits(uint value) => value switch
    {
        < 10 => 1,
        < 100 => 2,
        < 1_000 => 3,
        < 10_000 => 4,
        < 100_000 => 5,
        < 1_000_000 => 6,
        < 10_000_000 => 7,
        < 100_000_000 => 8,
        < 1_000_000_000 => 9,
        _ => 10,
    };
}
