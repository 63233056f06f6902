namespace Reqio.Sdk;

/// <summary>Writes non-negative integers as plain JSON digits (no sign, exponent or fraction), as Python does.</summary>
internal static class JsonNumber
{
    /// <summary>The digit count of the largest number the SDK writes, which is <see cref="long.MaxValue"/>.</summary>
    public const int MaxDigits = 19;

    public static int CountDigits(long value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>Writes <paramref name="value"/> (at least 0) at <paramref name="position"/>; returns the position after it.</summary>
    public static int Write(TokenBuffer buffer, int position, long value)
    {
        int end = position + CountDigits(value);
        for (int i = end - 1; i >= position; i--)
        {
            long quotient = value / 10;
            buffer[i] = (byte)('0' + (int)(value - (quotient * 10)));
            value = quotient;
        }

        return end;
    }
}
