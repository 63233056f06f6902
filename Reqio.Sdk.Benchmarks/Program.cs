using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet's own arguments: <c>--filter</c>, <c>--list flat</c>,
/// <c>--artifacts</c>, …) plus two of ours: <c>--full</c> for BenchmarkDotNet's default job instead of the quick one,
/// and <c>--perf-review FILE</c> to run the paired rounds after them and write the performance review (FILE, and
/// perf-review.json and perf-review.svg beside it).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var rest = new List<string>(args);
        bool full = Take(rest, "--full");
        string? reviewPath = TakeValue(rest, "--perf-review");

        // The quick job keeps the whole suite under ten minutes on two cores; --full uses BenchmarkDotNet's defaults.
        Job job = full
            ? Job.Default.WithId("Full")
            : Job.Default.WithId("Quick").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
        IConfig config = DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddExporter(MarkdownExporter.GitHub);

        // The paired rounds run in two halves, before BenchmarkDotNet and after it, minutes apart.
        Action<string> progress = message => Console.WriteLine($"// paired rounds: {message}");
        PairedRounds? rounds = null;
        if (reviewPath is not null)
        {
            Console.WriteLine("// Paired rounds, first half: every headline method back to back in this process");
            rounds = PairedMeasurement.Start(progress);
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config).ToArray();
        if (reviewPath is not null)
        {
            Console.WriteLine("// Paired rounds, second half");
            PairedMeasurement.Finish(rounds!, progress);
            PerfReview.Write(summaries, rounds!, reviewPath, job.Id);
        }

        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }

    private static bool Take(List<string> args, string flag) => args.Remove(flag);

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
