using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Reqio.Sdk.Benchmarks.Reports;

/// <summary>
/// Every performance table, rendered from a review's JSON (<c>perf-review.json</c>) and nothing else: the review's own
/// markdown (<c>MarkdownReport</c>) is made of these blocks, and the READMEs hold some of them between
/// <c>&lt;!-- begin: NAME --&gt;</c> and <c>&lt;!-- end: NAME --&gt;</c>, which the tests (<c>PerfSummaryTests</c>, which
/// compile this file too) keep equal to what the committed review gives. What the JSON lacks renders as nothing: a
/// ratio the review has not measured yet is left out, not invented.
/// </summary>
internal static class PerfReviewMarkdown
{
    /// <summary>The main README's block: per request against each peer, the endpoint under load, the first token, allocations.</summary>
    public const string Summary = "perf-summary";

    /// <summary>The benchmarks README's block naming the run: date, runtime, machine, rounds.</summary>
    public const string Run = "perf-run";

    /// <summary>The benchmarks README's block for each library's first token and footprint.</summary>
    public const string Footprint = "perf-footprint";

    /// <summary>The benchmarks README's block for the stages of one token.</summary>
    public const string Stages = "perf-stages";

    /// <summary>The benchmarks README's block for every BenchmarkDotNet mean and allocation.</summary>
    public const string Methods = "perf-methods";

    /// <summary>The review's block for each endpoint under load: requests a second and each process's core.</summary>
    public const string Endpoint = "perf-endpoint";

    /// <summary>The review's block for each tier, whole against its stages summed.</summary>
    public const string Tiers = "perf-tiers";

    /// <summary>The review's block for the bytes each tier allocates per token.</summary>
    public const string Allocation = "perf-allocation";

    /// <summary>The review's block for what each extra byte of claims costs beyond the MAC.</summary>
    public const string ClaimSize = "perf-claim-size";

    private const string RatioBlockPrefix = "perf-ratios-";
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>The summary's allocations: Reqio.Sdk's tiers and each peer, per token (the peers build their claims per call).</summary>
    private static readonly string[] s_summaryAllocations = ["TokenBenchmarks.Reqio_Mint", "TokenBenchmarks.Reqio_TryMint", "TokenBenchmarks.Peer_"];

    /// <summary>The benchmarks README's block for one section of ratios, such as <c>per_request</c>.</summary>
    public static string RatioBlock(string section) => RatioBlockPrefix + section.Replace('_', '-');

    /// <summary>The review's ratio sections, in the order the benchmarks README shows them; a run may leave one empty.</summary>
    private static readonly string[] s_knownSections = ["per_request", "built_once", "threads", "endpoint", "first_token"];

    /// <summary>
    /// Every block the benchmarks README holds for this review: the run, a table for each known ratio section (empty
    /// while the review has none of its ratios) and any other section the review holds, and the rest.
    /// </summary>
    public static IEnumerable<string> BenchmarksReadmeBlocks(JsonObject review) =>
        [Run, .. s_knownSections.Union(Sections(review)).Select(RatioBlock), Footprint, Stages, Methods];

    /// <summary>The block named <paramref name="name"/>, rendered from <paramref name="review"/>; empty when the review has nothing for it.</summary>
    public static string Render(string name, JsonObject review) => name switch
    {
        Summary => RenderSummary(review),
        Run => RenderRun(review),
        Footprint => RenderFootprint(review),
        Stages => RenderStages(review),
        Methods => RenderMethods(review),
        Endpoint => RenderEndpoint(review),
        Tiers => RenderTiers(review),
        Allocation => RenderAllocation(review),
        ClaimSize => RenderClaimSize(review),
        _ when name.StartsWith(RatioBlockPrefix, StringComparison.Ordinal) => RenderRatios(review, name),
        _ => throw new ArgumentException($"No performance block is named '{name}'.", nameof(name)),
    };

    private static string RenderSummary(JsonObject review)
    {
        var rows = new List<(string What, JsonObject Ratio)>();
        rows.AddRange(Ratios(review).Where(r => Section(r) == "per_request" && AgainstAPeer(r)).Select(r => ("per request", r)));
        rows.AddRange(Ratios(review).Where(r => Id(r).StartsWith("endpoint_", StringComparison.Ordinal))
            .Select(r => (Id(r).StartsWith("endpoint_page_", StringComparison.Ordinal) ? "a page under load" : "the token endpoint under load", r)));
        rows.AddRange(Ratios(review).Where(r => Id(r).StartsWith("first_token_", StringComparison.Ordinal) && AgainstAPeer(r)).Select(r => ("the first token", r)));

        var text = new StringBuilder();
        text.Append("| measured | ratio | median (95% CI) |\n|---|---|---:|\n");
        foreach (var (what, ratio) in rows)
        {
            text.Append(s_invariant, $"| {what} | {Cell(ratio["description"])} | {MedianAndInterval(ratio)} |\n");
        }

        List<JsonObject> allocations = [.. Benchmarks(review).Where(m => m["allocated_bytes"] is not null
            && s_summaryAllocations.Any(prefix => Name(m).StartsWith(prefix, StringComparison.Ordinal)))];
        if (allocations.Count > 0)
        {
            text.Append("\n| allocated per token (BenchmarkDotNet) | bytes |\n|---|---:|\n");
            foreach (JsonObject method in allocations)
            {
                text.Append(s_invariant, $"| `{Name(method).Substring("TokenBenchmarks.".Length)}` | {Bytes(method["allocated_bytes"])} |\n");
            }
        }

        text.Append('\n').Append(Source(review));
        return text.ToString();
    }

    private static string RenderRun(JsonObject review) => Source(review);

    private static string RenderRatios(JsonObject review, string block)
    {
        List<JsonObject> ratios = [.. Ratios(review).Where(r => RatioBlock(Section(r)) == block)];
        if (ratios.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("| id | ratio | median | 95% CI | pairs |\n|---|---|---:|---:|---:|\n");
        foreach (JsonObject ratio in ratios)
        {
            text.Append(ratio["median"] is null
                ? $"| `{Id(ratio)}` | {Cell(ratio["description"])} | not measured: {Cell(ratio["unavailable"])} | | |\n"
                : Invariant($"| `{Id(ratio)}` | {Cell(ratio["description"])} | {Number(ratio["median"])} | {Interval(ratio)} | {(long)ratio["rounds"]!:N0} |\n"));
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string RenderFootprint(JsonObject review)
    {
        JsonArray apps = review["first_token"]?.AsArray() ?? [];
        if (apps.Count == 0)
        {
            return "";
        }

        var footprint = (review["footprint"]?.AsArray() ?? []).OfType<JsonObject>().ToDictionary(f => (string)f["library"]!);
        var text = new StringBuilder("| app | process, JIT | first call, JIT | peak RSS, JIT | process, native AOT | AOT binary | libraries a JIT app ships |\n"
            + "|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (JsonObject app in apps.OfType<JsonObject>())
        {
            string library = (string)app["library"]!;
            JsonObject? size = footprint.GetValueOrDefault(library);
            string aotBinary = size?["aot_binary_bytes"] is { } bytes ? Bytes(bytes)
                : "not clean: " + string.Join(", ", (app["aot_warnings"]?.AsArray() ?? []).Select(w => ((string)w!).Split(':')[0]));
            text.Append(s_invariant, $"| {AppLabel(library)} | {Ms(app["jit_process_ms"])} | {Ms(app["jit_first_call_ms"])} | {Mib(size?["peak_rss_bytes"])} | ")
                .Append(s_invariant, $"{Ms(app["aot_process_ms"])} | {aotBinary} | {(library == "hmac_floor" ? "–" : Bytes(size?["dependency_bytes"]))} |\n");
        }

        if (review["aot_bytes_added_by_reqio"]?["bytes"] is { } added)
        {
            text.Append(s_invariant, $"\nReqio.Sdk adds {Bytes(added)} to the floor app's native AOT binary.\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string RenderStages(JsonObject review)
    {
        JsonArray stages = review["stages"]?.AsArray() ?? [];
        if (stages.Count == 0)
        {
            return "";
        }

        // With the bare HMAC's time (floor_ns), each stage also as a share of it.
        double? floor = (double?)review["floor_ns"];
        var text = new StringBuilder(floor is null ? "| stage | median ns a token |\n|---|---:|\n" : "| stage | median ns a token | share of the HMAC |\n|---|---:|---:|\n");
        foreach (JsonObject stage in stages.OfType<JsonObject>())
        {
            text.Append(s_invariant, $"| {Cell(stage["name"])} | {Ns(stage["ns"])} |")
                .Append(floor is null ? "\n" : $" {Format((double?)stage["ns"] / floor, "0.0%")} |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string RenderMethods(JsonObject review)
    {
        List<JsonObject> methods = [.. Benchmarks(review)];
        if (methods.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder(Invariant($"BenchmarkDotNet, job `{(string?)review["job"]}`:\n\n"));
        text.Append("| benchmark | mean | allocated |\n|---|---:|---:|\n");
        foreach (JsonObject method in methods)
        {
            text.Append(s_invariant, $"| `{Name(method)}` | {Ns(method["mean_ns"])} | {Bytes(method["allocated_bytes"])} |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string RenderEndpoint(JsonObject review)
    {
        JsonArray endpoints = review["endpoint"]?["endpoints"]?.AsArray() ?? [];
        if (endpoints.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("| endpoint | inside the timed request | requests a second | the app's core busy | the load generator's core busy |\n"
            + "|---|---|---:|---:|---:|\n");
        foreach (JsonObject line in endpoints.OfType<JsonObject>())
        {
            text.Append(s_invariant, $"| `{(string?)line["path"]}` | {Cell(line["does"])} | {Format(line["requests_per_second"], "#,0")} | ")
                .Append(s_invariant, $"{Format(line["server_core_busy"], "0%")} | {Format(line["load_core_busy"], "0%")} |\n");
        }

        text.Append("\nRequests a second and the cores' busy shares are medians over the rounds; the share is the process's CPU time over the slot's wall time.");
        return text.ToString();
    }

    private static string RenderTiers(JsonObject review)
    {
        JsonArray tiers = review["tiers"]?.AsArray() ?? [];
        if (tiers.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("| tier | whole | its stages summed | stages ÷ whole |\n|---|---:|---:|---:|\n");
        foreach (JsonObject tier in tiers.OfType<JsonObject>())
        {
            text.Append(s_invariant, $"| {Cell(tier["tier"])} | {Ns(tier["whole_ns"])} | {Ns(tier["stages_ns"])} | ")
                .Append(s_invariant, $"{Format((double?)tier["stages_ns"] / (double?)tier["whole_ns"], "0.0%")} |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string RenderAllocation(JsonObject review)
    {
        List<JsonObject> tiers = [.. Benchmarks(review).Where(m => Name(m) is "TokenBenchmarks.Reqio_TryMint_Utf8" or "TokenBenchmarks.Reqio_TryMint_Chars" or "TokenBenchmarks.Reqio_Mint")];
        if (tiers.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder(Invariant($"Bytes allocated per token by the tiers (BenchmarkDotNet), beside a string as long as the token ({Bytes(review["token_string_bytes"])}):\n\n"));
        text.Append("| method | allocated |\n|---|---:|\n");
        foreach (JsonObject method in tiers)
        {
            text.Append(s_invariant, $"| `{Name(method).Substring("TokenBenchmarks.".Length)}` | {Bytes(method["allocated_bytes"])} |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The claim-size series: beyond the MAC, what each extra byte of claims costs.</summary>
    private static string RenderClaimSize(JsonObject review)
    {
        const string Series = "ClaimSizeBenchmarks.";
        var means = Benchmarks(review).Where(m => Name(m).StartsWith(Series, StringComparison.Ordinal) && Name(m).Contains('(', StringComparison.Ordinal))
            .ToDictionary(m => Name(m), m => (double)m["mean_ns"]!);
        var sizes = means.Keys.Where(n => n.StartsWith(Series + "Reqio_TryMint_Utf8(", StringComparison.Ordinal))
            .Select(n => (Size: ClaimBytes(n), Ours: means[n], Mac: means.GetValueOrDefault(n.Replace("Reqio_TryMint_Utf8", "Hmac_ReusedInstance_TryComputeHash", StringComparison.Ordinal), double.NaN)))
            .Where(s => !double.IsNaN(s.Mac))
            .OrderBy(s => s.Size)
            .ToList();
        if (sizes.Count < 2)
        {
            return "";
        }

        var (first, last) = (sizes[0], sizes[^1]);
        double perByte = ((last.Ours - last.Mac) - (first.Ours - first.Mac)) / (last.Size - first.Size);
        var text = new StringBuilder(Invariant($"Beyond the MAC, each extra byte of claims from {first.Size} B to {last.Size} B cost {perByte:0.00} ns ")
            + "(the HMAC grows by a 64-byte block per 48 bytes of claims).\n\n");
        text.Append("| claims | `TryMint` | reused-instance HMAC | difference |\n|---:|---:|---:|---:|\n");
        foreach (var size in sizes)
        {
            text.Append(s_invariant, $"| {size.Size} B | {Ns(size.Ours)} | {Ns(size.Mac)} | {Ns(size.Ours - size.Mac)} |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The first number of a method's parameters: <c>ClaimSizeBenchmarks.X(ClaimBytes=64)</c> gives 64.</summary>
    private static int ClaimBytes(string name) =>
        int.Parse(new string([.. name.Substring(name.IndexOf('(', StringComparison.Ordinal)).SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit)]), s_invariant);

    /// <summary>Where the figures come from, in one line under every table block.</summary>
    private static string Source(JsonObject review) =>
        Invariant($"Measured {DateTimeOffset.Parse((string)review["date"]!, s_invariant):yyyy-MM-dd} on {(string?)review["runtime"]}, {(string?)review["machine"]}: ")
        + Invariant($"medians of {(long?)review["paired_rounds"]:N0} paired rounds in one process ({(long?)review["process_rounds"]:N0} for whole processes), ")
        + "with distribution-free 95% confidence intervals (`Reqio.Sdk.Benchmarks/Results/perf-review.json`).";

    /// <summary>The ratio sections, in the order the review lists them.</summary>
    private static IEnumerable<string> Sections(JsonObject review) => Ratios(review).Select(Section).Distinct();

    private static IEnumerable<JsonObject> Ratios(JsonObject review) => (review["ratios"]?.AsArray() ?? []).OfType<JsonObject>();

    private static IEnumerable<JsonObject> Benchmarks(JsonObject review) => (review["methods"]?.AsArray() ?? []).OfType<JsonObject>();

    private static string Id(JsonObject ratio) => (string)ratio["id"]!;

    /// <summary>A ratio against another library or endpoint, not against the bare HMAC (those are in the benchmarks README).</summary>
    private static bool AgainstAPeer(JsonObject ratio) =>
        !Id(ratio).EndsWith("_vs_hmac", StringComparison.Ordinal) && !Id(ratio).EndsWith("_vs_hmac_floor", StringComparison.Ordinal);

    private static string Section(JsonObject ratio) => (string)ratio["section"]!;

    private static string Name(JsonObject method) => (string)method["name"]!;

    private static string AppLabel(string library) => library switch
    {
        "hmac_floor" => "the floor: the token by hand, one `HMACSHA256`",
        "JWT" => "JWT (jwt-dotnet)",
        _ => library,
    };

    private static string MedianAndInterval(JsonObject ratio) =>
        ratio["median"] is null ? $"not measured: {Cell(ratio["unavailable"])}" : $"{Number(ratio["median"])} ({Interval(ratio)})";

    private static string Interval(JsonObject ratio) => $"{Number(ratio["ci95"]![0])}–{Number(ratio["ci95"]![1])}";

    private static string Cell(JsonNode? text) => ((string?)text ?? "").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Number(JsonNode? value) => ((double)value!).ToString("0.00", s_invariant);

    private static string Ns(JsonNode? value) => value is null ? "–" : Ns((double)value);

    private static string Ns(double ns) => ns.ToString(Math.Abs(ns) < 100 ? "0.0" : "#,0", s_invariant) + " ns";

    private static string Format(JsonNode? value, string format) => Format((double?)value, format);

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, s_invariant) : "–";

    private static string Ms(JsonNode? value) => value is null ? "–" : ((double)value).ToString((double)value < 10 ? "0.00" : "0.0", s_invariant) + " ms";

    private static string Mib(JsonNode? bytes) => bytes is null ? "–" : ((long)bytes / 1048576.0).ToString("0.0", s_invariant) + " MiB";

    private static string Bytes(JsonNode? bytes) => bytes is null ? "–" : ((long)bytes).ToString("#,0", s_invariant) + " B";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
