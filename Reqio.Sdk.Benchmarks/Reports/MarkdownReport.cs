using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Benchmarks.Review;
using static System.FormattableString;

namespace Reqio.Sdk.Benchmarks.Reports;

/// <summary>
/// perf-review.md, to read: the ratios by section with their intervals, the first token and each
/// library's footprint, where a token's time goes, and every BenchmarkDotNet mean and allocation.
/// </summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void Write(ReviewResult result, string path)
    {
        var text = new StringBuilder();
        text.AppendLine("# Reqio.Sdk performance review").AppendLine();
        text.AppendLine(s_invariant, $"{result.Date:yyyy-MM-dd HH:mm} UTC, {result.Runtime}, {result.Machine}.").AppendLine();
        text.AppendLine("![Per request, the first token, and bytes per token: Reqio.Sdk and the .NET JWT libraries](perf-review.svg)").AppendLine();

        text.AppendLine("## How the ratios are measured").AppendLine();
        text.AppendLine(Invariant($"Paired rounds: every method ran back to back in one process, in {result.PairedRounds:N0} rounds with the order ")
            + "rotated (half before BenchmarkDotNet's runs and half after, minutes apart), each timed over a batch of about a millisecond; "
            + "a ratio is taken within each round and the tables give its median with a distribution-free 95% confidence interval. "
            + Invariant($"The rounds aim for {PerfReview.MinRounds:N0}, then go on until every interval is within ±{PerfReview.SettledHalfWidth * 100:0}% ")
            + "of its median, within a time limit (25 seconds before BenchmarkDotNet, 45 after) that a busy machine can reach first. Process rounds: each first-token app started once a round, the order rotated, "
            + Invariant($"{result.ProcessRounds} rounds; a ratio is taken within each round, so every comparison has that many pairs.")).AppendLine();

        Ratios(text, result, Section.PerRequest, "Per request (the headline)",
            "Each contender builds its claims inside the timed call from the same application record (three strings and a number): "
            + "Reqio builds and validates a `ReqioUser` and mints with options built once; each peer builds its claims dictionary and "
            + "mints with a key or handler built once.");
        Ratios(text, result, Section.BuiltOnce, "Options and user built once",
            "The tiers alone, the `ReqioUser` built once before the rounds (the peers still build their claims per call); "
            + "the stages below show where a token's time goes.");
        Ratios(text, result, Section.Threads, "Threads", "Two threads minting with one shared `ReqioProject`, beside the machine's and the MAC's own ceilings.");
        Ratios(text, result, Section.FirstToken, "The first token in a fresh process",
            "One small console app per contender mints one token for the reference user and exits; each is published "
            + "framework-dependent (JIT) and as native AOT, and every token printed is verified.");
        FirstToken(text, result);
        EndpointResult endpoint = result.Endpoint;
        Ratios(text, result, Section.Endpoint, "A token endpoint under load",
            "A minimal ASP.NET Core app (Kestrel, listening on 127.0.0.1) with one endpoint per contender, each minting the "
            + "reference user's token per request, beside one returning a constant token. A load generator, a .NET process of its own, "
            + Invariant($"keeps {endpoint.Connections} keep-alive HTTP/1.1 connections busy and checks every response: status 200, three base64url parts, ")
            + "the signature verified with the key, and every new token's claims read apart. "
            + $"The app's process ran on {endpoint.ServerPinning}; the load generator's on {endpoint.LoadPinning}. "
            + Invariant($"Paired rounds: each endpoint loaded for {endpoint.Slot.TotalMilliseconds:0} ms a round, the order rotated and reversed every other round; ")
            + $"a ratio of requests a second is taken within each round. Rounds: {endpoint.Stopped}.");
        Endpoint(text, endpoint);
        Stages(text, result);
        Methods(text, result);
        File.WriteAllText(path, text.ToString());
    }

    private static void Ratios(StringBuilder text, ReviewResult result, Section section, string title, string intro)
    {
        text.AppendLine(s_invariant, $"## {title}").AppendLine();
        text.AppendLine(intro).AppendLine();
        text.AppendLine("| id | ratio | median | 95% CI | ± | pairs |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (RatioResult ratio in result.Ratios.Where(r => r.Section == section))
        {
            if (ratio.Estimate is { } e)
            {
                text.AppendLine(s_invariant, $"| `{ratio.Id}` | {ratio.Description} | {Number(e.Median)} | {Number(e.Low)}–{Number(e.High)} | "
                    + $"{(e.RelativeHalfWidth * 100).ToString("0.0", s_invariant)}% | {e.Rounds:N0} |");
            }
            else
            {
                text.AppendLine(s_invariant, $"| `{ratio.Id}` | {ratio.Description} | not measured: {ratio.Unavailable} | | | |");
            }
        }

        text.AppendLine();
    }

    private static void FirstToken(StringBuilder text, ReviewResult result)
    {
        text.AppendLine("| library | process, JIT | first call, JIT | peak RSS, JIT | process, AOT | AOT binary | libraries shipped (JIT) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (AppResult app in result.Apps)
        {
            string aotWall = app.AotWallMs is { } ms ? Ms(ms) : "–";
            string aotBytes = app.AotBinaryBytes is { } bytes ? Bytes(bytes) : "not clean: " + string.Join("; ", app.AotWarnings);
            text.AppendLine(s_invariant, $"| {app.App.Label} | {Ms(app.JitWallMs)} | {Ms(app.FirstCallMs)} | {Mib(app.PeakRssBytes)} | {aotWall} | {aotBytes} | {Bytes(app.DependencyBytes)} |");
        }

        string added = result.AotBytesAdded is { } b ? Bytes(b) : "(not measured: an AOT publish was not clean)";
        text.AppendLine().AppendLine(s_invariant, $"Reqio.Sdk adds {added} to the floor's native AOT binary.").AppendLine();
    }

    private static void Endpoint(StringBuilder text, EndpointResult endpoint)
    {
        text.AppendLine("| endpoint | inside the timed request | requests a second | the app's core busy | the load generator's core busy |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (EndpointLine line in endpoint.Endpoints)
        {
            text.AppendLine(s_invariant, $"| `{line.Endpoint.Path}` | {line.Endpoint.Does} | {Optional(line.RequestsPerSecond, "#,0")} | "
                + $"{Optional(line.ServerBusy * 100, "0'%'")} | {Optional(line.LoadBusy * 100, "0'%'")} |");
        }

        text.AppendLine().AppendLine("Requests a second and the cores' busy shares are medians over the rounds; the share is the process's CPU time over the slot's wall time.").AppendLine();
    }

    private static string Optional(double? value, string format) => value is { } v ? v.ToString(format, s_invariant) : "–";

    private static void Stages(StringBuilder text, ReviewResult result)
    {
        text.AppendLine("## Where the time goes").AppendLine();
        text.AppendLine("Each stage timed alone in the same paired rounds (median nanoseconds a token):").AppendLine();
        text.AppendLine("| stage | ns | share of the HMAC |");
        text.AppendLine("|---|---:|---:|");
        foreach (StageResult stage in result.Stages)
        {
            text.AppendLine(s_invariant, $"| {stage.Name} | {Ns(stage.Ns)} | {Percent(stage.Ns / result.FloorNs)} |");
        }

        text.AppendLine().AppendLine("| tier | whole | its stages summed | stages ÷ whole |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (TierResult tier in result.Tiers)
        {
            text.AppendLine(s_invariant, $"| {tier.Tier} | {Ns(tier.WholeNs)} | {Ns(tier.StagesNs)} | {Percent(tier.StagesNs / tier.WholeNs)} |");
        }

        text.AppendLine().AppendLine("What the stages leave out is the argument checks, the stack buffers and the header copy.").AppendLine();
    }

    private static void Methods(StringBuilder text, ReviewResult result)
    {
        if (result.Methods.Count == 0)
        {
            return;
        }

        text.AppendLine(s_invariant, $"## Every method (BenchmarkDotNet, job `{result.JobId}`)").AppendLine();
        text.AppendLine("| benchmark | method | parameters | mean | allocated |");
        text.AppendLine("|---|---|---|---:|---:|");
        foreach (MethodResult method in result.Methods)
        {
            text.AppendLine(s_invariant, $"| {method.Type} | {method.Method} | {method.Parameters} | {Ns(method.MeanNs)} | {Bytes(method.Allocated)} |");
        }

        text.AppendLine().AppendLine("## Allocation").AppendLine();
        long tokenString = StringSize(ReqioToken.Mint(Reference.User, Reference.Options).Length);
        text.AppendLine(s_invariant, $"Bytes allocated per token by the tiers (BenchmarkDotNet), beside a string as long as the token ({Bytes(tokenString)}):").AppendLine();
        text.AppendLine("| method | allocated |");
        text.AppendLine("|---|---:|");
        Allocation(text, result.Methods, nameof(TokenBenchmarks.Reqio_TryMint_Utf8));
        Allocation(text, result.Methods, nameof(TokenBenchmarks.Reqio_TryMint_Chars));
        Allocation(text, result.Methods, nameof(TokenBenchmarks.Reqio_Mint));
        ClaimSizeGrowth(text, result.Methods);
    }

    /// <summary>The claim-size series: beyond the MAC, what each extra byte of claims costs.</summary>
    private static void ClaimSizeGrowth(StringBuilder text, IReadOnlyList<MethodResult> rows)
    {
        var sizes = rows.Where(r => r.Type == nameof(ClaimSizeBenchmarks) && r.Method == nameof(ClaimSizeBenchmarks.Reqio_TryMint_Utf8))
            .Select(r => (Size: ClaimBytes(r.Parameters), Ours: r.MeanNs,
                Mac: rows.FirstOrDefault(h => h.Type == r.Type && h.Parameters == r.Parameters && h.Method == nameof(ClaimSizeBenchmarks.Hmac_ReusedInstance_TryComputeHash))?.MeanNs))
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
        text.AppendLine(s_invariant, $"Beyond the MAC, each extra byte of claims from {first.Size} B to {last.Size} B cost "
            + $"{perByte.ToString("0.00", s_invariant)} ns (the HMAC grows by a 64-byte block per 48 bytes of claims).").AppendLine();
        text.AppendLine("| claims | `TryMint` | reused-instance HMAC | difference |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            text.AppendLine(s_invariant, $"| {size.Size} B | {Ns(size.Ours)} | {Ns(size.Mac!.Value)} | {Ns(size.Ours - size.Mac.Value)} |");
        }
    }

    private static void Allocation(StringBuilder text, IReadOnlyList<MethodResult> rows, string method)
    {
        long? allocated = rows.FirstOrDefault(r => r.Type == nameof(TokenBenchmarks) && r.Method == method)?.Allocated;
        text.AppendLine(s_invariant, $"| `{method}` | {Bytes(allocated)} |");
    }

    private static int ClaimBytes(string parameters) =>
        int.Parse(new string([.. parameters.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit)]), s_invariant);

    /// <summary>The bytes a string of <paramref name="length"/> characters takes on this runtime.</summary>
    private static long StringSize(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new string('x', length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Number(double value) => value.ToString("0.00", s_invariant);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", s_invariant) + "%";

    private static string Ns(double ns) => ns.ToString(Math.Abs(ns) < 100 ? "0.0" : "#,0", s_invariant) + " ns";

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", s_invariant) + " ms";

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", s_invariant) + " MiB";

    private static string Bytes(long? bytes) => bytes is null ? "?" : bytes.Value.ToString("#,0", s_invariant) + " B";
}
