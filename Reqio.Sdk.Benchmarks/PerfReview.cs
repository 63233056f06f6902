using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Reports;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Writes the performance review beside BenchmarkDotNet's tables: perf-review.md to read, perf-review.json for
/// tools, perf-review.svg to look at. The headline ratios and the stage breakdown come from the paired rounds
/// (<see cref="PairedMeasurement"/>); absolute means, allocations and the claim-size series from BenchmarkDotNet.
/// </summary>
internal static class PerfReview
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void Write(IReadOnlyList<Summary> summaries, PairedRounds rounds, string markdownPath, string jobId)
    {
        List<MethodRow> methods = [.. summaries.SelectMany(s => s.Reports)
            .Where(r => r.Success && r.ResultStatistics is not null)
            .Select(r => new MethodRow(
                r.BenchmarkCase.Descriptor.Type.Name,
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                r.BenchmarkCase.Parameters.Items.Count == 0 ? "" : r.BenchmarkCase.Parameters.PrintInfo,
                r.ResultStatistics!.Mean,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)))];
        List<RatioRow> ratios = [.. PairedMeasurement.Claims.Select(c => new RatioRow(c, rounds.Combine(c.Numerators, c.Denominators)))];
        List<StageRow> stages = [.. PairedMeasurement.Stages.Append(PairedMeasurement.StringAllocation)
            .Select(s => new StageRow(s.Name, rounds.Time(s.Method).Median))];
        string machine = Machine(summaries);
        string runtime = RuntimeInformation.FrameworkDescription;

        string folder = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
        Directory.CreateDirectory(folder);
        string svgPath = Path.Combine(folder, "perf-review.svg");
        string jsonPath = Path.Combine(folder, "perf-review.json");
        var bars = PairedMeasurement.Contenders
            .Select(c => new ChartBar(c.Label, c.Ours, rounds.Time(c.Method).Median,
                methods.FirstOrDefault(m => m.Type == nameof(TokenBenchmarks) && m.Method == c.BenchmarkMethod)?.Allocated))
            .ToList();
        PerfChart.Write(svgPath, bars, rounds.Time(PairedMeasurement.Hmac).Median,
            $"{runtime}, {DateTime.UtcNow:yyyy-MM-dd}, medians of {rounds.Rounds:N0} paired rounds; allocations from BenchmarkDotNet");
        File.WriteAllText(jsonPath, Json(machine, runtime, ratios, methods, stages));
        File.WriteAllText(markdownPath, Markdown(machine, runtime, jobId, rounds, ratios, methods, stages));
        Console.WriteLine($"// Performance review written to {Path.GetFullPath(markdownPath)}, {jsonPath} and {svgPath}");
    }

    private static string Markdown(string machine, string runtime, string jobId, PairedRounds rounds,
        List<RatioRow> ratios, List<MethodRow> methods, List<StageRow> stages)
    {
        var text = new StringBuilder();
        text.AppendLine("# Reqio.Sdk performance review").AppendLine();
        text.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {runtime}, {machine}.").AppendLine();
        text.AppendLine("![Time and memory per token: our tiers, the peers and the HMAC floor](perf-review.svg)").AppendLine();

        text.AppendLine("## Paired ratios").AppendLine();
        text.AppendLine($"Every method ran back to back in one process, in {rounds.Rounds:N0} rounds with the order rotated (half "
            + "before BenchmarkDotNet's runs and half after, minutes apart), each timed over a batch of about a millisecond; "
            + "each ratio was taken within a round, and the table gives its median "
            + $"with a distribution-free 95% confidence interval. At least {PairedMeasurement.MinRounds:N0} rounds run, then more "
            + $"until every interval is within ±{PairedMeasurement.SettledHalfWidth * 100:0}% of its median (the review asks for "
            + "±5%), or for 100 s in all.").AppendLine();
        text.AppendLine("| id | ratio | median | 95% CI | ± | target | met |");
        text.AppendLine("|---|---|---:|---:|---:|---:|:-:|");
        foreach (RatioRow row in ratios)
        {
            Estimate e = row.Estimate;
            string target = row.Claim.Target == 0 ? "–" : (row.Claim.AtMost ? "≤ " : "≥ ") + Number(row.Claim.Target);
            text.AppendLine($"| `{row.Claim.Id}` | {row.Claim.Description} | {Number(e.Median)} | {Number(e.Low)}–{Number(e.High)} | "
                + $"{(e.RelativeHalfWidth * 100).ToString("0.0", s_invariant)}% | {target} | {Met(row)} |");
        }

        text.AppendLine().AppendLine("## Where the time goes").AppendLine();
        text.AppendLine("TryMint's stages, each timed alone in the same rounds (median nanoseconds a token):").AppendLine();
        double whole = rounds.Time(PairedMeasurement.TryMintUtf8).Median;
        text.AppendLine("| stage | ns | share of `TryMint` (UTF-8) |");
        text.AppendLine("|---|---:|---:|");
        foreach (StageRow stage in stages)
        {
            text.AppendLine($"| {stage.Name} | {Ns(stage.Ns)} | {Percent(stage.Ns / whole)} |");
        }

        text.AppendLine().AppendLine("| tier | whole | its stages summed | stages ÷ whole |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach ((string tier, Stage[] parts) in PairedMeasurement.Tiers)
        {
            double measured = rounds.Time(tier).Median;
            double sum = stages.Where(s => parts.Any(p => p.Name == s.Name)).Sum(s => s.Ns);
            text.AppendLine($"| {tier} | {Ns(measured)} | {Ns(sum)} | {Percent(sum / measured)} |");
        }

        text.AppendLine().AppendLine("What the stages leave out is the argument checks, the stack buffers and the header copy.").AppendLine();
        text.AppendLine($"## Every method (BenchmarkDotNet, job `{jobId}`)").AppendLine();
        text.AppendLine("| benchmark | method | parameters | mean | allocated |");
        text.AppendLine("|---|---|---|---:|---:|");
        foreach (MethodRow row in methods)
        {
            text.AppendLine($"| {row.Type} | {row.Method} | {row.Parameters} | {Ns(row.MeanNs)} | {Bytes(row.Allocated)} |");
        }

        text.AppendLine().AppendLine("## Allocation").AppendLine();
        text.AppendLine("| method | allocated | target | met |");
        text.AppendLine("|---|---:|---:|:-:|");
        Allocation(text, methods, "Reqio_TryMint_Utf8", 0);
        Allocation(text, methods, "Reqio_TryMint_Chars", 0);
        Allocation(text, methods, "Reqio_Mint", StringSize(ReqioToken.Mint(Reference.User, Reference.Options).Length));
        ClaimSizeGrowth(text, methods);
        return text.ToString();
    }

    private static string Json(string machine, string runtime, List<RatioRow> ratios, List<MethodRow> methods, List<StageRow> stages)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("machine", machine);
            json.WriteString("runtime", runtime);
            json.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", s_invariant));
            json.WriteStartArray("ratios");
            foreach (RatioRow row in ratios)
            {
                json.WriteStartObject();
                json.WriteString("id", row.Claim.Id);
                json.WriteNumber("median", Math.Round(row.Estimate.Median, 4));
                json.WriteStartArray("ci95");
                json.WriteNumberValue(Math.Round(row.Estimate.Low, 4));
                json.WriteNumberValue(Math.Round(row.Estimate.High, 4));
                json.WriteEndArray();
                json.WriteNumber("rounds", row.Estimate.Rounds);
                if (row.Claim.Target != 0)
                {
                    json.WriteString("target", (row.Claim.AtMost ? "<= " : ">= ") + Number(row.Claim.Target));
                    json.WriteBoolean("met", row.Met);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("methods");
            foreach (MethodRow row in methods)
            {
                json.WriteStartObject();
                json.WriteString("name", row.Parameters.Length == 0 ? $"{row.Type}.{row.Method}" : $"{row.Type}.{row.Method}({row.Parameters})");
                json.WriteNumber("mean_ns", Math.Round(row.MeanNs, 2));
                if (row.Allocated is { } allocated)
                {
                    json.WriteNumber("allocated_bytes", allocated);
                }
                else
                {
                    json.WriteNull("allocated_bytes");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("stages");
            foreach (StageRow stage in stages)
            {
                json.WriteStartObject();
                json.WriteString("name", stage.Name);
                json.WriteNumber("ns", Math.Round(stage.Ns, 2));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The claim-size series: beyond the MAC, what each extra byte of claims costs.</summary>
    private static void ClaimSizeGrowth(StringBuilder text, List<MethodRow> rows)
    {
        var sizes = rows.Where(r => r.Type == nameof(ClaimSizeBenchmarks) && r.Method == "Reqio_TryMint_Utf8")
            .Select(r => (Size: ClaimBytes(r.Parameters), Ours: r.MeanNs,
                Mac: rows.FirstOrDefault(h => h.Type == r.Type && h.Parameters == r.Parameters && h.Method == "Hmac_ReusedInstance_TryComputeHash")?.MeanNs))
            .Where(s => s.Mac is not null)
            .OrderBy(s => s.Size)
            .ToList();
        if (sizes.Count < 2)
        {
            return;
        }

        var (first, last) = (sizes[0], sizes[^1]);
        double perByte = ((last.Ours - last.Mac!.Value) - (first.Ours - first.Mac!.Value)) / (last.Size - first.Size);
        text.AppendLine().AppendLine("## Claim size").AppendLine();
        text.AppendLine($"Beyond the MAC, each extra byte of claims from {first.Size} B to {last.Size} B cost "
            + $"{perByte.ToString("0.00", s_invariant)} ns (the HMAC grows by a 64-byte block per 48 bytes of claims).").AppendLine();
        text.AppendLine("| claims | `TryMint` | reused-instance HMAC | difference |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            text.AppendLine($"| {size.Size} B | {Ns(size.Ours)} | {Ns(size.Mac!.Value)} | {Ns(size.Ours - size.Mac.Value)} |");
        }
    }

    private static string Machine(IReadOnlyList<Summary> summaries)
    {
        var host = summaries.FirstOrDefault()?.HostEnvironmentInfo;
        string cpu = host?.Cpu.Value?.ProcessorName ?? "unknown processor";
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}";
    }

    private static int ClaimBytes(string parameters) =>
        int.Parse(new string([.. parameters.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit)]), s_invariant);

    private static void Allocation(StringBuilder text, List<MethodRow> rows, string method, long target)
    {
        long? allocated = rows.FirstOrDefault(r => r.Type == nameof(TokenBenchmarks) && r.Method == method)?.Allocated;
        string met = allocated is null ? "–" : allocated == target ? "yes" : "no";
        text.AppendLine($"| `{method}` | {Bytes(allocated)} | {target} B | {met} |");
    }

    private static string Met(RatioRow row) => row.Claim.Target == 0 ? "–" : row.Met ? "yes" : "no";

    private static string Number(double value) => value.ToString("0.00", s_invariant);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", s_invariant) + "%";

    private static string Ns(double ns) => ns.ToString(Math.Abs(ns) < 100 ? "0.0" : "#,0", s_invariant) + " ns";

    private static string Bytes(long? bytes) => bytes is null ? "?" : bytes.Value.ToString("#,0", s_invariant) + " B";

    /// <summary>The bytes a string of <paramref name="length"/> characters takes on this runtime.</summary>
    private static long StringSize(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new string('x', length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private sealed record MethodRow(string Type, string Method, string Parameters, double MeanNs, long? Allocated);

    private sealed record RatioRow(RatioClaim Claim, Estimate Estimate)
    {
        public bool Met => Claim.AtMost ? Estimate.Median <= Claim.Target : Estimate.Median >= Claim.Target;
    }

    private sealed record StageRow(string Name, double Ns);
}
