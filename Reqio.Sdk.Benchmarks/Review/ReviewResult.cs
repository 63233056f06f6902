using System.Collections.Generic;
using Reqio.Sdk.Benchmarks.Harness;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>
/// Everything one run of the review measured, for the report writers: the paired and process ratios, the stages,
/// BenchmarkDotNet's means and allocations, each first-token app's footprint, and the token endpoint under load.
/// </summary>
internal sealed record ReviewResult(
    string Machine,
    string Runtime,
    DateTime Date,
    string JobId,
    int PairedRounds,
    int ProcessRounds,
    IReadOnlyList<RatioResult> Ratios,
    IReadOnlyList<StageResult> Stages,
    IReadOnlyList<TierResult> Tiers,
    IReadOnlyList<MethodResult> Methods,
    IReadOnlyList<BarResult> Bars,
    double FloorNs,
    IReadOnlyList<AppResult> Apps,
    long? AotBytesAdded,
    EndpointResult Endpoint);

/// <summary>A ratio and its estimate (none when it could not be measured, with the reason).</summary>
internal sealed record RatioResult(string Id, Section Section, string Description, Estimate? Estimate, string? Unavailable = null);

/// <summary>A stage's median time per token in the paired rounds.</summary>
internal sealed record StageResult(string Name, double Ns);

/// <summary>A tier's median time and the sum of its stages' medians.</summary>
internal sealed record TierResult(string Tier, double WholeNs, double StagesNs);

/// <summary>One BenchmarkDotNet benchmark case: its mean and the bytes it allocated per operation.</summary>
internal sealed record MethodResult(string Type, string Method, string Parameters, double MeanNs, long? Allocated);

/// <summary>A bar of the per-request chart: paired-rounds time per token, and BenchmarkDotNet's allocation.</summary>
internal sealed record BarResult(string Label, bool Ours, double Ns, long? AllocatedBytes);

/// <summary>
/// A first-token app: median wall times of its whole process (JIT; AOT when it compiled cleanly), its in-process
/// first call, its peak resident set (JIT), its native binary's size, the bytes of libraries it ships framework-
/// dependent, and the trim or AOT warnings its native publish gave.
/// </summary>
internal sealed record AppResult(
    FirstTokenApp App,
    double JitWallMs,
    double FirstCallMs,
    long PeakRssBytes,
    double? AotWallMs,
    long? AotBinaryBytes,
    long DependencyBytes,
    IReadOnlyList<string> AotWarnings);
