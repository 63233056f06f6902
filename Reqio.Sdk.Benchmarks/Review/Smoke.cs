using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Reqio.Sdk.Benchmarks.Endpoint;
using Reqio.Sdk.Benchmarks.Harness;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>
/// The whole review pipeline in a few seconds, for CI: every BenchmarkDotNet benchmark once (each verifies its output
/// in its setup), every registered method of the paired rounds timed a few times, every first-token app published
/// (JIT and native AOT) and run once with its token verified, the token endpoint app started and one response of each
/// endpoint checked, then the three reports written and read back. Nothing it measures is worth quoting; what it
/// proves is that the main job will run.
/// </summary>
internal static class Smoke
{
    public static void Run(string folder, Action<string> progress)
    {
        Directory.CreateDirectory(folder);
        int calls = BenchmarkDryRun.RunAll(typeof(Program).Assembly, progress);
        progress($"{calls} benchmark calls, every one verified by its class's setup");

        PerfReview review = PerfReview.Create();
        review.Smoke(progress);
        var firstToken = FirstTokenRuns.Run(Path.Combine(folder, "first-token"), rounds: 1, progress);
        EndpointResult endpoint = EndpointRuns.Smoke(progress);
        ReviewResult result = review.Collect([], "smoke", firstToken, endpoint);
        Program.WriteReports(result, Path.Combine(folder, "perf-review.md"));

        CheckJson(Path.Combine(folder, "perf-review.json"), review.Registry);
        CheckSvg(Path.Combine(folder, "perf-review.svg"), result);
        progress("perf-review.md, .json and .svg written; the JSON and SVG read back with every id, app and bar");
    }

    /// <summary>Every claim's id with its numbers and no judgement, and one footprint entry per first-token app.</summary>
    private static void CheckJson(string path, Registry registry)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var ratios = json["ratios"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => (string)r["id"]!);
        var expected = registry.Claims.Select(c => c.Id).Concat(FirstTokenApps.Claims.Select(c => c.Id)).Concat(EndpointRuns.Claims.Select(c => c.Id));
        foreach (string id in expected)
        {
            JsonObject ratio = ratios.TryGetValue(id, out JsonObject? found) ? found : throw Fail($"perf-review.json has no ratio {id}");
            bool measured = ratio["median"] is not null;
            if (measured && (ratio["ci95"]!.AsArray().Count != 2 || (int)ratio["rounds"]! < 1))
            {
                throw Fail($"perf-review.json: {id} lacks its interval or rounds");
            }

            if (!measured && ratio["unavailable"] is null)
            {
                throw Fail($"perf-review.json: {id} has neither a median nor the reason it has none");
            }

            if (ratio.ContainsKey("target") || ratio.ContainsKey("met"))
            {
                throw Fail($"perf-review.json: {id} judges instead of reporting (a target or met field)");
            }
        }

        if (json["aot_bytes_added_by_reqio"]!.AsObject().Any(p => p.Key is "target" or "met"))
        {
            throw Fail("perf-review.json: the AOT bytes judge instead of reporting (a target or met field)");
        }

        var paths = json["endpoint"]!["endpoints"]!.AsArray().Select(e => (string)e!["path"]!).ToList();
        if (!paths.SequenceEqual(TokenEndpoints.All.Select(e => e.Path)))
        {
            throw Fail($"perf-review.json's endpoint section lists {string.Join(", ", paths)}");
        }

        var libraries = json["footprint"]!.AsArray().Select(f => (string)f!["library"]!).ToList();
        if (!libraries.SequenceEqual(FirstTokenApps.All.Select(a => a.Library)))
        {
            throw Fail($"perf-review.json's footprint lists {string.Join(", ", libraries)}");
        }
    }

    /// <summary>Well-formed SVG with a bar for every contender and every first-token app.</summary>
    private static void CheckSvg(string path, ReviewResult result)
    {
        XDocument svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        int bars = svg.Root!.Elements(ns + "rect").Count() - 1;
        int expected = result.Bars.Count + result.Apps.Count + result.Bars.Count(b => b.AllocatedBytes is not null)
            + result.Endpoint.Endpoints.Count(e => e.RequestsPerSecond is not null);
        if (svg.Root.Name != ns + "svg" || bars != expected)
        {
            throw Fail($"perf-review.svg has {bars} bars, not {expected}");
        }
    }

    private static InvalidOperationException Fail(string message) => new($"smoke run: {message}");
}
