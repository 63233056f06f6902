using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CliWrap;
using CliWrap.Buffered;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Benchmarks.Harness;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>
/// The first token in a fresh process: publishes every first-token app framework-dependent and as native AOT, runs
/// them in alternating rounds (every app once a round, order rotated), verifies every token they print, and works
/// out the process ratios and each app's footprint.
/// </summary>
internal static partial class FirstTokenRuns
{
    /// <summary>Publishes, runs <paramref name="rounds"/> rounds of each flavour, and returns the ratios and the apps' results.</summary>
    public static (IReadOnlyList<RatioResult> Ratios, IReadOnlyList<AppResult> Apps, long? AotBytesAdded, int Rounds) Run(
        string folder, int rounds, Action<string> progress)
    {
        // Two publishes at a time (two cores), but Reqio.Sdk's two alone first: both build the library's project.
        var published = new ConcurrentDictionary<(FirstTokenApp, Flavor), Published>();
        var work = FirstTokenApps.All.SelectMany(app => new[] { (app, Flavor.Jit), (app, Flavor.Aot) }).ToList();
        void PublishOne((FirstTokenApp App, Flavor Flavor) item)
        {
            Published done = Publish(item.App, item.Flavor, Path.Combine(folder, item.App.Contender, item.Flavor.ToString().ToLowerInvariant()));
            published[item] = done;
            progress($"published {item.App} ({item.Flavor}){(done.Warnings.Count > 0 ? $", {done.Warnings.Count} warnings" : "")}");
        }

        foreach (var item in work.Where(w => w.app.Ours))
        {
            PublishOne(item);
        }

        Parallel.ForEach(work.Where(w => !w.app.Ours), new ParallelOptions { MaxDegreeOfParallelism = 2 }, PublishOne);

        var jit = FirstTokenApps.All.ToDictionary(a => a, a => published[(a, Flavor.Jit)].Launch);
        var aot = FirstTokenApps.All.Where(a => published[(a, Flavor.Aot)].Warnings.Count == 0).ToDictionary(a => a, a => published[(a, Flavor.Aot)].Launch);
        var jitRounds = new ProcessRounds([.. jit.Values]);
        var aotRounds = new ProcessRounds([.. aot.Values]);
        jitRounds.WarmUp();
        aotRounds.WarmUp();
        for (int done = 0; done < rounds; done += 5)
        {
            // The flavours alternate in blocks, so both see the same stretches of the machine.
            jitRounds.Run(Math.Min(5, rounds - done), progress);
            aotRounds.Run(Math.Min(5, rounds - done), progress);
        }

        foreach (var (app, launch) in jit)
        {
            Verify(app, jitRounds.Runs(launch));
        }

        foreach (var (app, launch) in aot)
        {
            Verify(app, aotRounds.Runs(launch));
        }

        var ratios = FirstTokenApps.Claims.Select(claim =>
        {
            var launches = claim.Flavor == Flavor.Jit ? jit : aot;
            ProcessRounds processRounds = claim.Flavor == Flavor.Jit ? jitRounds : aotRounds;
            if (!launches.ContainsKey(claim.Numerator) || !launches.ContainsKey(claim.Denominator))
            {
                FirstTokenApp unclean = launches.ContainsKey(claim.Numerator) ? claim.Denominator : claim.Numerator;
                return new RatioResult(claim.Id, Section.FirstToken, claim.Description, null,
                    $"{unclean} did not compile cleanly as native AOT: {string.Join("; ", published[(unclean, claim.Flavor)].Warnings)}");
            }

            Func<ProcessRun, double> measure = claim.Measure == ProcessMeasure.WallTime ? r => r.Wall.TotalMilliseconds : FirstCallMs;
            return new RatioResult(claim.Id, Section.FirstToken, claim.Description,
                processRounds.Ratio(launches[claim.Numerator], launches[claim.Denominator], measure));
        }).ToList();

        var apps = FirstTokenApps.All.Select(app =>
        {
            IReadOnlyList<ProcessRun> jitRuns = jitRounds.Runs(jit[app]);
            Published native = published[(app, Flavor.Aot)];
            return new AppResult(app,
                Median(jitRuns.Select(r => r.Wall.TotalMilliseconds)),
                Median(jitRuns.Select(FirstCallMs)),
                (long)Median(jitRuns.Select(r => (double)long.Parse(r.Output[2], CultureInfo.InvariantCulture))),
                aot.TryGetValue(app, out Launch? launch) ? Median(aotRounds.Runs(launch).Select(r => r.Wall.TotalMilliseconds)) : null,
                native.Warnings.Count == 0 ? native.BinaryBytes : null,
                published[(app, Flavor.Jit)].DependencyBytes,
                native.Warnings);
        }).ToList();

        long? reqio = apps.Single(a => a.App == FirstTokenApps.Reqio).AotBinaryBytes;
        long? floor = apps.Single(a => a.App == FirstTokenApps.HmacFloor).AotBinaryBytes;
        return (ratios, apps, reqio - floor, jitRounds.Rounds);
    }

    /// <summary>An app published into its folder: how to start it, its size, and its publish's warnings.</summary>
    private sealed record Published(Launch Launch, long BinaryBytes, long DependencyBytes, IReadOnlyList<string> Warnings);

    private static Published Publish(FirstTokenApp app, Flavor flavor, string output)
    {
        // From scratch every time: an incremental publish skips the native compiler, and with it the warnings that
        // say whether a peer compiles cleanly.
        string project = RepositoryRoot.Combine("Reqio.Sdk.Benchmarks", "FirstToken", "FirstToken.csproj");
        string flag = flavor == Flavor.Aot ? "true" : "false";
        foreach (string stale in new[] { output, RepositoryRoot.Combine("Reqio.Sdk.Benchmarks", "FirstToken", "obj", app.Contender, $"aot-{flag}"),
            RepositoryRoot.Combine("Reqio.Sdk.Benchmarks", "FirstToken", "bin", app.Contender, $"aot-{flag}") })
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        BufferedCommandResult publish = Cli.Wrap("dotnet")
            .WithArguments(["publish", project, "-c", "Release", $"-p:Contender={app.Contender}", $"-p:Aot={flag}", "-o", output, "-nologo"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        string log = publish.StandardOutput;
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"publishing the {app} app ({flavor}) failed:\n{log}\n{publish.StandardError}");
        }

        File.WriteAllText(output + ".publish.log", log);
        var warnings = WarningLine().Matches(log).Select(m => m.Groups[1].Value.Trim()).Distinct().ToList();
        string binary = Path.Combine(output, $"FirstToken.{app.Contender}");
        long dependencies = flavor == Flavor.Jit
            ? Directory.GetFiles(output, "*.dll").Where(f => Path.GetFileName(f) != $"FirstToken.{app.Contender}.dll").Sum(f => new FileInfo(f).Length)
            : 0;
        return new Published(new Launch($"{app} ({flavor})", binary), new FileInfo(binary).Length, dependencies, warnings);
    }

    /// <summary>Throws unless every run printed a token for the reference user, issued during the rounds, and two numbers.</summary>
    private static void Verify(FirstTokenApp app, IReadOnlyList<ProcessRun> runs)
    {
        foreach (ProcessRun run in runs)
        {
            if (run.Output.Count != 3)
            {
                throw new InvalidOperationException($"{app}: expected a token, the first call's microseconds and the peak RSS, got: {string.Join(" | ", run.Output)}");
            }

            Reference.Verify(run.Output[0], Reference.User, $"{app} first-token app", TimeSpan.FromMinutes(10));
        }
    }

    private static double FirstCallMs(ProcessRun run) => long.Parse(run.Output[1], CultureInfo.InvariantCulture) / 1000.0;

    private static double Median(IEnumerable<double> values) => Estimate.Of([.. values]).Median;

    // "…/Program.cs(3,5): warning IL2026: …" and ILC's "warning IL3053: Assembly 'X' produced AOT analysis warnings.",
    // up to the link to the documentation or the project in brackets.
    [GeneratedRegex(@"warning ((?:IL|CS|NU)\d+:[^\[\r\n]*?)(?: For more information[^\[\r\n]*)?\s*(?:\[|$)", RegexOptions.Multiline)]
    private static partial Regex WarningLine();
}
