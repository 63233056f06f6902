using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Writes perf-review.md: the machine, every method's mean and allocation, and the ratios the SDK promises, each
/// with its target and whether this run met it. Every number comes from this run's BenchmarkDotNet summaries.
/// </summary>
internal static class PerfReview
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void Write(IReadOnlyList<Summary> summaries, string path, string jobId)
    {
        var rows = summaries.SelectMany(s => s.Reports)
            .Where(r => r.Success && r.ResultStatistics is not null)
            .Select(r => new Row(
                r.BenchmarkCase.Descriptor.Type.Name,
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                r.BenchmarkCase.Parameters.Items.Count == 0 ? "" : r.BenchmarkCase.Parameters.PrintInfo,
                r.ResultStatistics!.Mean,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)))
            .ToList();

        var text = new StringBuilder();
        text.AppendLine("# Reqio.Sdk performance review").AppendLine();
        text.AppendLine($"BenchmarkDotNet, job `{jobId}`, one run; every figure below comes from that run.").AppendLine();
        text.AppendLine("## Machine").AppendLine().AppendLine("```");
        foreach (string line in summaries.FirstOrDefault()?.HostEnvironmentInfo.ToFormattedString() ?? [])
        {
            text.AppendLine(line);
        }

        text.AppendLine("```").AppendLine();
        text.AppendLine("## Every method").AppendLine();
        text.AppendLine("| benchmark | method | parameters | mean | allocated |");
        text.AppendLine("|---|---|---|---:|---:|");
        foreach (Row row in rows)
        {
            text.AppendLine($"| {row.Type} | {row.Method} | {row.Parameters} | {Ns(row.MeanNs)} | {Bytes(row.Allocated)} |");
        }

        text.AppendLine().AppendLine("## Targets").AppendLine();
        text.AppendLine("| claim | measured | target | met |");
        text.AppendLine("|---|---:|---:|:-:|");
        double? hmac = Mean(rows, "TokenBenchmarks", "Hmac_ReusedInstance_TryComputeHash");
        double? mint = Mean(rows, "TokenBenchmarks", "Reqio_Mint");
        AtMost(text, "`TryMint` (UTF-8) / reused-instance HMAC", Ratio(Mean(rows, "TokenBenchmarks", "Reqio_TryMint_Utf8"), hmac), 1.2);
        AtMost(text, "`TryMint` (chars) / reused-instance HMAC", Ratio(Mean(rows, "TokenBenchmarks", "Reqio_TryMint_Chars"), hmac), 1.2);
        Allocation(text, rows, "Reqio_TryMint_Utf8", 0);
        Allocation(text, rows, "Reqio_TryMint_Chars", 0);
        Allocation(text, rows, "Reqio_Mint", StringSize(ReqioToken.Mint(Reference.User, Reference.Options).Length));
        AtLeast(text, "JsonWebTokens `CreateToken` / `Mint`", Ratio(Mean(rows, "TokenBenchmarks", "Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken"), mint), 2.5);
        AtLeast(text, "System.IdentityModel.Tokens.Jwt / `Mint`", Ratio(Mean(rows, "TokenBenchmarks", "Peer_SystemIdentityModelTokensJwt_WriteToken"), mint), 2.5);
        AtLeast(text, "JWT (jwt-dotnet) / `Mint`", Ratio(Mean(rows, "TokenBenchmarks", "Peer_JwtDotNet_Encode"), mint), 5);
        AtLeast(text, "jose-jwt / `Mint`", Ratio(Mean(rows, "TokenBenchmarks", "Peer_JoseJwt_Encode"), mint), 5);
        AtLeast(text, "two threads' throughput / one thread's",
            Ratio(Mean(rows, "ThroughputBenchmarks", "Reqio_TryMint_OneThread"), Mean(rows, "ThroughputBenchmarks", "Reqio_TryMint_TwoThreadsSharingOptions")), 1.8);
        double? ceiling = Ratio(Mean(rows, "MachineCeilingBenchmarks", "Machine_ArithmeticLoop_OneThread"), Mean(rows, "MachineCeilingBenchmarks", "Machine_ArithmeticLoop_TwoThreads"));
        text.AppendLine($"| control: this machine's own two-thread gain on shared-nothing arithmetic | {Times(ceiling)} | (the ceiling for the row above) | – |");
        ClaimSizeGrowth(text, rows);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"// Performance review written to {Path.GetFullPath(path)}");
    }

    /// <summary>The claim-size series: beyond the MAC, what each extra byte of claims costs.</summary>
    private static void ClaimSizeGrowth(StringBuilder text, List<Row> rows)
    {
        var sizes = rows.Where(r => r.Type == "ClaimSizeBenchmarks" && r.Method == "Reqio_TryMint_Utf8")
            .Select(r => (Size: ClaimBytes(r.Parameters), Ours: r.MeanNs,
                Mac: rows.FirstOrDefault(h => h.Type == r.Type && h.Parameters == r.Parameters && h.Method == "Hmac_ReusedInstance_TryComputeHash")?.MeanNs))
            .Where(s => s.Mac is not null)
            .OrderBy(s => s.Size)
            .ToList();
        if (sizes.Count < 2)
        {
            text.AppendLine("| claim-size growth beyond the MAC | not measured | a few ns per byte | – |");
            return;
        }

        var (first, last) = (sizes[0], sizes[^1]);
        double perByte = ((last.Ours - last.Mac!.Value) - (first.Ours - first.Mac!.Value)) / (last.Size - first.Size);
        text.AppendLine($"| claim-size growth beyond the MAC, {first.Size} B to {last.Size} B of claims | {perByte.ToString("0.00", s_invariant)} ns/B | a few ns per byte (≤ 3) | {(perByte <= 3 ? "yes" : "no")} |");
        text.AppendLine().AppendLine("Claim-size series (the HMAC grows by a 64-byte block per 48 bytes of claims once base64-encoded):").AppendLine();
        text.AppendLine("| claims | `TryMint` | reused-instance HMAC | difference |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            text.AppendLine($"| {size.Size} B | {Ns(size.Ours)} | {Ns(size.Mac!.Value)} | {Ns(size.Ours - size.Mac.Value)} |");
        }
    }

    private static int ClaimBytes(string parameters) =>
        int.Parse(new string(parameters.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray()), s_invariant);

    private static void AtMost(StringBuilder text, string claim, double? ratio, double target) =>
        text.AppendLine($"| {claim} | {Times(ratio)} | ≤ {target.ToString("0.0#", s_invariant)} × | {Met(ratio <= target, ratio)} |");

    private static void AtLeast(StringBuilder text, string claim, double? ratio, double target) =>
        text.AppendLine($"| {claim} | {Times(ratio)} | ≥ {target.ToString("0.0#", s_invariant)} × | {Met(ratio >= target, ratio)} |");

    private static void Allocation(StringBuilder text, List<Row> rows, string method, long target)
    {
        long? allocated = rows.FirstOrDefault(r => r.Type == "TokenBenchmarks" && r.Method == method)?.Allocated;
        text.AppendLine($"| `{method}` allocation | {Bytes(allocated)} | {target} B | {Met(allocated == target, allocated)} |");
    }

    private static string Met(bool met, object? measured) => measured is null ? "–" : met ? "yes" : "no";

    private static double? Mean(List<Row> rows, string type, string method) =>
        rows.FirstOrDefault(r => r.Type == type && r.Method == method)?.MeanNs;

    private static double? Ratio(double? a, double? b) => a is null || b is null ? null : a / b;

    private static string Times(double? ratio) => ratio is null ? "not measured" : ratio.Value.ToString("0.00", s_invariant) + " ×";

    private static string Ns(double ns) => ns.ToString(Math.Abs(ns) < 100 ? "0.00" : "#,0", s_invariant) + " ns";

    private static string Bytes(long? bytes) => bytes is null ? "?" : bytes.Value.ToString("#,0", s_invariant) + " B";

    /// <summary>The bytes a string of <paramref name="length"/> characters takes on the 64-bit runtime.</summary>
    private static long StringSize(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new string('x', length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private sealed record Row(string Type, string Method, string Parameters, double MeanNs, long? Allocated);
}
