using System.Diagnostics;
using System.IO;
using FirstToken;

// One token for the reference user, minted by the first call this process makes, then three lines on stdout: the
// token (the main job verifies it), the first call's own time in microseconds (options or key, user or claims, the
// token), and the process's peak resident set in bytes (VmHWM, read after the token).
long start = Stopwatch.GetTimestamp();
string token = Contender.MintFirstToken();
TimeSpan firstCall = Stopwatch.GetElapsedTime(start);

Console.WriteLine(token);
Console.WriteLine((long)firstCall.TotalMicroseconds);
Console.WriteLine(PeakResidentBytes());

static long PeakResidentBytes()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    return -1;
}
