using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// A time and a time span as text, exactly as the BCL writes them with the <c>"O"</c> and <c>"c"</c> formats, for
/// the SDK's messages and <see cref="ReqioOptions.ToString"/>. Written by hand because the BCL's date and time
/// formatters reach the culture and time-zone machinery, which then ships in every native AOT app that references
/// the SDK (about 270 KB of a one-token app) for the sake of three messages.
/// </summary>
internal static class TimeText
{
    /// <summary><paramref name="value"/> in the round-trip form, <c>2026-11-28T04:10:00.0000000+00:00</c>, as <c>ToString("O")</c> writes it.</summary>
    public static string RoundTrip(DateTimeOffset value)
    {
        DateTime local = value.DateTime;
        long offsetMinutes = value.Offset.Ticks / TimeSpan.TicksPerMinute;
        var text = new StringBuilder(33);
        Digits(text, local.Year, 4).Append('-');
        Digits(text, local.Month, 2).Append('-');
        Digits(text, local.Day, 2).Append('T');
        Digits(text, local.Hour, 2).Append(':');
        Digits(text, local.Minute, 2).Append(':');
        Digits(text, local.Second, 2).Append('.');
        Digits(text, local.Ticks % TimeSpan.TicksPerSecond, 7);
        text.Append(offsetMinutes < 0 ? '-' : '+');
        Digits(text, Math.Abs(offsetMinutes) / 60, 2).Append(':');
        return Digits(text, Math.Abs(offsetMinutes) % 60, 2).ToString();
    }

    /// <summary><paramref name="value"/> in the constant form, <c>[-][d.]hh:mm:ss[.fffffff]</c>, as <c>ToString()</c> writes it.</summary>
    public static string Constant(TimeSpan value)
    {
        var text = new StringBuilder(26);
        if (value.Ticks < 0)
        {
            text.Append('-');
        }

        // The magnitude as unsigned, so TimeSpan.MinValue's has room.
        ulong ticks = value.Ticks < 0 ? (ulong)-(value.Ticks + 1) + 1 : (ulong)value.Ticks;
        ulong seconds = ticks / TimeSpan.TicksPerSecond;
        long fraction = (long)(ticks % TimeSpan.TicksPerSecond);
        ulong days = seconds / 86_400;
        long time = (long)(seconds % 86_400);
        if (days > 0)
        {
            Digits(text, (long)days, 1).Append('.');
        }

        Digits(text, time / 3600, 2).Append(':');
        Digits(text, time / 60 % 60, 2).Append(':');
        Digits(text, time % 60, 2);
        if (fraction > 0)
        {
            Digits(text.Append('.'), fraction, 7);
        }

        return text.ToString();
    }

    /// <summary>Appends <paramref name="value"/> (at least 0) in at least <paramref name="width"/> digits, zeros first.</summary>
    private static StringBuilder Digits(StringBuilder text, long value, int width)
    {
        int start = text.Length;
        do
        {
            text.Insert(start, (char)('0' + (value % 10)));
            value /= 10;
            width--;
        }
        while (value > 0 || width > 0);

        return text;
    }
}
