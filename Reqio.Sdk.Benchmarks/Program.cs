using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Reqio.Sdk.Benchmarks.Endpoint;
using Reqio.Sdk.Benchmarks.Harness;
using Reqio.Sdk.Benchmarks.Reports;
using Reqio.Sdk.Benchmarks.Review;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet's own arguments: <c>--filter</c>, <c>--list flat</c>,
/// <c>--artifacts</c>, …) plus four of ours: <c>--full</c> for BenchmarkDotNet's default job instead of the quick
/// one; <c>--perf-review FILE</c> to run the paired rounds around them, the first-token apps and the token endpoint
/// under load after, and write the performance review (FILE, and perf-review.json and perf-review.svg beside it);
/// <c>--smoke FOLDER</c>, the whole pipeline in a few seconds for CI (<see cref="Smoke"/>), instead of all that; and
/// <c>--endpoint-only</c>, the token endpoint's rounds alone, printed. The review starts this program again as the
/// token endpoint app (<c>--endpoint-server</c>) and as its load generator (<c>--endpoint-load URL</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["--endpoint-server"]:
                return TokenEndpointApp.Serve();
            case ["--endpoint-load", string address]:
                return LoadGenerator.Run(address);
            default:
                break;
        }

        var rest = new List<string>(args);
        bool full = rest.Remove("--full");
        string? reviewPath = TakeValue(rest, "--perf-review");
        string? smokeFolder = TakeValue(rest, "--smoke");
        Action<string> progress = message => Console.WriteLine($"// review: {message}");
        if (smokeFolder is not null)
        {
            Smoke.Run(Path.GetFullPath(smokeFolder), progress);
            return 0;
        }

        if (rest.Remove("--endpoint-only"))
        {
            PrintEndpoint(EndpointRuns.Run(progress));
            return 0;
        }

        // The quick job keeps the main job to minutes, not hours, on two cores; --full uses BenchmarkDotNet's defaults.
        Job job = full
            ? Job.Default.WithId("Full")
            : Job.Default.WithId("Quick").WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6);
        IConfig config = DefaultConfig.Instance.AddJob(job.AsDefault()).AddExporter(MarkdownExporter.GitHub);

        PerfReview? review = null;
        if (reviewPath is not null)
        {
            Console.WriteLine("// Paired rounds, first half: every registered method back to back in this process");
            review = PerfReview.Create();
            review.Start(progress);
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config).ToArray();
        if (review is not null)
        {
            Console.WriteLine("// Paired rounds, second half");
            review.Finish(progress);
            Console.WriteLine("// The first-token apps: published, then run in alternating rounds");
            string folder = Path.GetDirectoryName(Path.GetFullPath(reviewPath!))!;
            var firstToken = FirstTokenRuns.Run(Path.Combine(folder, "first-token"), PerfReview.ProcessRounds, progress);
            Console.WriteLine("// A token endpoint under load: the app on one core, the load generator on the other, in paired rounds");
            EndpointResult endpoint = EndpointRuns.Run(progress);
            WriteReports(review.Collect(summaries, job.Id, firstToken, endpoint), reviewPath!);
        }

        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }

    /// <summary>Writes perf-review.md at <paramref name="markdownPath"/>, and perf-review.json and perf-review.svg beside it.</summary>
    internal static void WriteReports(ReviewResult result, string markdownPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, "perf-review.json");
        JsonReport.Write(result, json);
        MarkdownReport.Write(JsonNode.Parse(File.ReadAllText(json))!.AsObject(), markdownPath);
        SvgChart.Write(result, Path.Combine(folder, "perf-review.svg"));
        Console.WriteLine($"// Performance review written to {Path.GetFullPath(markdownPath)}, perf-review.json and perf-review.svg");
    }

    private static void PrintEndpoint(EndpointResult endpoint)
    {
        Console.WriteLine($"// The app on {endpoint.ServerPinning}; the load generator on {endpoint.LoadPinning}; {endpoint.Stopped}");
        foreach (RatioResult ratio in endpoint.Ratios)
        {
            Estimate e = ratio.Estimate!;
            Console.WriteLine(FormattableString.Invariant($"{ratio.Id}: median {e.Median:0.000}, 95% CI {e.Low:0.000}–{e.High:0.000} (±{e.RelativeHalfWidth * 100:0.0}%), {e.Rounds} rounds"));
        }

        foreach (EndpointLine line in endpoint.Endpoints)
        {
            Console.WriteLine(FormattableString.Invariant($"{line.Endpoint.Path}: {line.RequestsPerSecond:0} requests a second, the app's core {line.ServerBusy * 100:0}% busy, the load generator's {line.LoadBusy * 100:0}%"));
        }
    }

    private static string? TakeValue(List<string> args, string flag)
    {
        int at = args.IndexOf(flag);
        if (at < 0 || at == args.Count - 1)
        {
            return null;
        }

        string value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }
}
