using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Reports;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Benchmarks.Harness;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>
/// Runs the review's measurements and gathers them into a <see cref="ReviewResult"/>: the paired rounds of the
/// <see cref="Registry"/> (in two halves, before and after BenchmarkDotNet, minutes apart), the first-token apps,
/// and BenchmarkDotNet's means and allocations.
/// </summary>
internal sealed class PerfReview
{
    /// <summary>The fewest paired rounds the review reports from.</summary>
    public const int MinRounds = 1_500;

    /// <summary>After <see cref="MinRounds"/>, rounds go on until every interval is within this of its median.</summary>
    public const double SettledHalfWidth = 0.03;

    /// <summary>Rounds of the first-token apps (each round starts every app once): at least 20 pairs a comparison.</summary>
    public const int ProcessRounds = 24;

    private readonly PairedRounds _rounds;

    private PerfReview(Registry registry)
    {
        Registry = registry;
        _rounds = new PairedRounds(registry.Methods);
    }

    public Registry Registry { get; }

    /// <summary>Builds the registry's fixtures, each of which verifies what it will time.</summary>
    public static PerfReview Create() => new(new Registry(TokenBenchmarksVerified(), ThroughputVerified(), new MachineCeilingBenchmarks(), new TokenStages()));

    /// <summary>Warms every method up and runs the first half of the rounds.</summary>
    public void Start(Action<string> progress)
    {
        _rounds.WarmUp(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(250), progress);
        _rounds.Run(MinRounds / 2, TimeSpan.FromSeconds(25), () => true, progress);
    }

    /// <summary>
    /// Runs the second half: at least <see cref="MinRounds"/> in all, then on until every interval is within
    /// <see cref="SettledHalfWidth"/> of its median, or for 45 s more.
    /// </summary>
    public void Finish(Action<string> progress) =>
        _rounds.Run(MinRounds, TimeSpan.FromSeconds(45),
            () => Registry.Claims.All(c => _rounds.Ratio(c.Numerators, c.Denominators).RelativeHalfWidth < SettledHalfWidth), progress);

    /// <summary>A few quick rounds, for the smoke run: every method timed, nothing worth quoting.</summary>
    public void Smoke(Action<string> progress)
    {
        _rounds.WarmUp(TimeSpan.FromMilliseconds(0.05), TimeSpan.FromMilliseconds(5), progress);
        _rounds.Run(3, TimeSpan.Zero, () => true, progress);
    }

    /// <summary>Gathers the paired rounds, the first-token runs, the endpoint's rounds and BenchmarkDotNet's summaries into one result.</summary>
    public ReviewResult Collect(IReadOnlyList<Summary> summaries, string jobId,
        (IReadOnlyList<RatioResult> Ratios, IReadOnlyList<AppResult> Apps, long? AotBytesAdded, int Rounds) firstToken, EndpointResult endpoint)
    {
        List<MethodResult> methods = [.. summaries.SelectMany(s => s.Reports)
            .Where(r => r.Success && r.ResultStatistics is not null)
            .Select(r => new MethodResult(
                r.BenchmarkCase.Descriptor.Type.Name,
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                r.BenchmarkCase.Parameters.Items.Count == 0 ? "" : r.BenchmarkCase.Parameters.PrintInfo,
                r.ResultStatistics!.Mean,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)))];
        var ratios = Registry.Claims
            .Select(c => new RatioResult(c.Id, c.Section, c.Description, _rounds.Ratio(c.Numerators, c.Denominators)))
            .Concat(firstToken.Ratios)
            .Concat(endpoint.Ratios)
            .ToList();
        var stages = Registry.Stages.Append(Registry.BareString).Select(s => new StageResult(s.Name, _rounds.Time(s.Method).Median)).ToList();
        var tiers = Registry.Tiers
            .Select(t => new TierResult(t.Whole.Name, _rounds.Time(t.Whole).Median, t.Stages.Sum(s => _rounds.Time(s.Method).Median)))
            .ToList();
        var bars = Registry.Contenders
            .Select(c => new BarResult(c.Label, c.Ours, _rounds.Time(c.Method).Median,
                methods.FirstOrDefault(m => m.Type == nameof(TokenBenchmarks) && m.Method == c.Method.BenchmarkMethod)?.Allocated))
            .ToList();
        return new ReviewResult(Machine(summaries), RuntimeInformation.FrameworkDescription, DateTime.UtcNow, jobId, _rounds.Rounds,
            firstToken.Rounds, ratios, stages, tiers, methods, bars, _rounds.Time(Registry.Hmac).Median, firstToken.Apps, firstToken.AotBytesAdded, endpoint);
    }

    private static TokenBenchmarks TokenBenchmarksVerified()
    {
        var tokens = new TokenBenchmarks();
        tokens.VerifyEveryMethod();
        return tokens;
    }

    private static ThroughputBenchmarks ThroughputVerified()
    {
        var threads = new ThroughputBenchmarks();
        threads.Verify();
        return threads;
    }

    private static string Machine(IReadOnlyList<Summary> summaries)
    {
        string cpu = summaries.FirstOrDefault()?.HostEnvironmentInfo.Cpu.Value?.ProcessorName ?? CpuFromProc();
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}";
    }

    /// <summary>The processor's model name, for a run without BenchmarkDotNet's host information.</summary>
    private static string CpuFromProc()
    {
        string? line = System.IO.File.Exists("/proc/cpuinfo")
            ? System.IO.File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown processor";
    }
}
