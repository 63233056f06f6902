using System.IO;
using System.Text.Json;
using Reqio.Sdk.Benchmarks.Endpoint;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Benchmarks.Review;

namespace Reqio.Sdk.Benchmarks.Reports;

/// <summary>
/// perf-review.json, for tools and the one source of every table (<see cref="PerfReviewMarkdown"/>): every ratio with
/// its median, 95% interval and rounds (pairs, for the process ratios); the stages, the bare HMAC and the tiers;
/// BenchmarkDotNet's means and allocations, and the token string's own size; the first-token apps' times; the
/// footprint of each library; and the token endpoint's rounds, each endpoint's requests a second and cores' busy shares.
/// </summary>
internal static class JsonReport
{
    public static void Write(ReviewResult result, string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("machine", result.Machine);
        json.WriteString("runtime", result.Runtime);
        json.WriteString("date", result.Date.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("job", result.JobId);
        json.WriteNumber("paired_rounds", result.PairedRounds);
        json.WriteNumber("process_rounds", result.ProcessRounds);

        json.WriteStartArray("ratios");
        foreach (RatioResult ratio in result.Ratios)
        {
            json.WriteStartObject();
            json.WriteString("id", ratio.Id);
            json.WriteString("section", SectionName(ratio.Section));
            json.WriteString("description", ratio.Description);
            if (ratio.Estimate is { } e)
            {
                json.WriteNumber("median", Math.Round(e.Median, 4));
                json.WriteStartArray("ci95");
                json.WriteNumberValue(Math.Round(e.Low, 4));
                json.WriteNumberValue(Math.Round(e.High, 4));
                json.WriteEndArray();
                json.WriteNumber("rounds", e.Rounds);
            }
            else
            {
                json.WriteNull("median");
                json.WriteString("unavailable", ratio.Unavailable);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("footprint");
        foreach (AppResult app in result.Apps)
        {
            json.WriteStartObject();
            json.WriteString("library", app.App.Library);
            WriteNullable(json, "aot_binary_bytes", app.AotBinaryBytes);
            json.WriteNumber("peak_rss_bytes", app.PeakRssBytes);
            json.WriteNumber("dependency_bytes", app.DependencyBytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("aot_bytes_added_by_reqio");
        WriteNullable(json, "bytes", result.AotBytesAdded);
        json.WriteEndObject();

        json.WriteStartArray("first_token");
        foreach (AppResult app in result.Apps)
        {
            json.WriteStartObject();
            json.WriteString("library", app.App.Library);
            json.WriteNumber("jit_process_ms", Math.Round(app.JitWallMs, 2));
            json.WriteNumber("jit_first_call_ms", Math.Round(app.FirstCallMs, 3));
            WriteNullable(json, "aot_process_ms", app.AotWallMs is { } aot ? Math.Round(aot, 2) : null);
            json.WriteStartArray("aot_warnings");
            foreach (string warning in app.AotWarnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        EndpointResult endpoint = result.Endpoint;
        json.WriteStartObject("endpoint");
        json.WriteNumber("rounds", endpoint.Rounds);
        json.WriteNumber("slot_ms", endpoint.Slot.TotalMilliseconds);
        json.WriteNumber("connections", endpoint.Connections);
        json.WriteString("load_generator", LoadGenerator.Description);
        json.WriteString("server_pinning", endpoint.ServerPinning);
        json.WriteString("load_pinning", endpoint.LoadPinning);
        json.WriteString("stopped", endpoint.Stopped);
        json.WriteStartArray("endpoints");
        foreach (EndpointLine line in endpoint.Endpoints)
        {
            json.WriteStartObject();
            json.WriteString("path", line.Endpoint.Path);
            json.WriteString("does", line.Endpoint.Does);
            WriteNullable(json, "requests_per_second", line.RequestsPerSecond is { } perSecond ? Math.Round(perSecond) : null);
            WriteNullable(json, "server_core_busy", line.ServerBusy is { } server ? Math.Round(server, 3) : null);
            WriteNullable(json, "load_core_busy", line.LoadBusy is { } load ? Math.Round(load, 3) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("stages");
        foreach (StageResult stage in result.Stages)
        {
            json.WriteStartObject();
            json.WriteString("name", stage.Name);
            json.WriteNumber("ns", Math.Round(stage.Ns, 2));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("floor_ns", Math.Round(result.FloorNs, 2));
        json.WriteStartArray("tiers");
        foreach (TierResult tier in result.Tiers)
        {
            json.WriteStartObject();
            json.WriteString("tier", tier.Tier);
            json.WriteNumber("whole_ns", Math.Round(tier.WholeNs, 2));
            json.WriteNumber("stages_ns", Math.Round(tier.StagesNs, 2));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("token_string_bytes", StringSize(ReqioToken.Mint(Reference.User, Reference.Options).Length));
        json.WriteStartArray("methods");
        foreach (MethodResult method in result.Methods)
        {
            json.WriteStartObject();
            json.WriteString("name", method.Parameters.Length == 0 ? $"{method.Type}.{method.Method}" : $"{method.Type}.{method.Method}({method.Parameters})");
            json.WriteNumber("mean_ns", Math.Round(method.MeanNs, 2));
            WriteNullable(json, "allocated_bytes", method.Allocated);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The section's name in the JSON: <c>per_request</c>, <c>built_once</c>, <c>threads</c>, <c>first_token</c>, <c>endpoint</c>.</summary>
    public static string SectionName(Section section) => section switch
    {
        Section.PerRequest => "per_request",
        Section.BuiltOnce => "built_once",
        Section.Threads => "threads",
        Section.FirstToken => "first_token",
        _ => "endpoint",
    };

    /// <summary>The bytes a string of <paramref name="length"/> characters takes on this runtime.</summary>
    private static long StringSize(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new string('x', length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
