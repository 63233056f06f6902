using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Reqio.Sdk.Benchmarks.Review;
using static System.FormattableString;

namespace Reqio.Sdk.Benchmarks.Reports;

/// <summary>
/// perf-review.md, to read: how the ratios are measured, then each section's prose around its tables. Every table is
/// a <see cref="PerfReviewMarkdown"/> block rendered from perf-review.json, the same blocks the READMEs hold.
/// </summary>
internal static class MarkdownReport
{
    public static void Write(JsonObject review, string path)
    {
        JsonObject endpoint = review["endpoint"]?.AsObject() ?? [];
        var text = new StringBuilder();
        text.Append("# Reqio.Sdk performance review\n\n");
        text.Append(Invariant($"{DateTimeOffset.Parse((string)review["date"]!, System.Globalization.CultureInfo.InvariantCulture):yyyy-MM-dd HH:mm} UTC, {(string?)review["runtime"]}, {(string?)review["machine"]}.\n\n"));
        text.Append("![Per request, the first token, and bytes per token: Reqio.Sdk and the .NET JWT libraries](perf-review.svg)\n\n");

        Section(text, "How the ratios are measured",
            Invariant($"Paired rounds: every method ran back to back in one process, in {(long?)review["paired_rounds"]:N0} rounds with the order ")
            + "rotated (half before BenchmarkDotNet's runs and half after, minutes apart), each timed over a batch of about a millisecond; "
            + "a ratio is taken within each round and the tables give its median with a distribution-free 95% confidence interval. "
            + Invariant($"The rounds aim for {PerfReview.MinRounds:N0}, then go on until every interval is within ±{PerfReview.SettledHalfWidth * 100:0}% ")
            + "of its median, within a time limit (25 seconds before BenchmarkDotNet, 45 after) that a busy machine can reach first. Process rounds: each first-token app started once a round, the order rotated, "
            + Invariant($"{(long?)review["process_rounds"]} rounds; a ratio is taken within each round, so every comparison has that many pairs."));
        Section(text, "Per request (the headline)",
            "Each contender builds its claims inside the timed call from the same application record (three strings and a number): "
            + "Reqio builds and validates a `ReqioUser` and mints with options built once; each peer builds its claims dictionary and "
            + "mints with a key or handler built once.",
            review, PerfReviewMarkdown.RatioBlock("per_request"));
        Section(text, "Options and user built once",
            "The tiers alone, the `ReqioUser` built once before the rounds (the peers still build their claims per call); "
            + "the stages below show where a token's time goes.",
            review, PerfReviewMarkdown.RatioBlock("built_once"));
        Section(text, "Threads", "Two threads minting with one shared `ReqioProject`, beside the machine's and the MAC's own ceilings.",
            review, PerfReviewMarkdown.RatioBlock("threads"));
        Section(text, "The first token in a fresh process",
            "One small console app per contender mints one token for the reference user and exits; each is published "
            + "framework-dependent (JIT) and as native AOT, and every token printed is verified.",
            review, PerfReviewMarkdown.RatioBlock("first_token"), PerfReviewMarkdown.Footprint);
        Section(text, "A token endpoint under load",
            "A minimal ASP.NET Core app (Kestrel, listening on 127.0.0.1) with one endpoint per contender, each minting the "
            + "reference user's token per request, beside one returning a constant token; and, behind one sign-in, Reqio.Sdk.AspNetCore's "
            + "`MapReqioToken` beside the single-page-app recipe's hand-written endpoint answering the same JSON, and a Razor page with "
            + "`<reqio-widget />` beside the same page without it. The sign-in is an authentication scheme that signs the reference user "
            + "in whenever it is asked (a principal with the id and email claims, built each time), asked by one authorization policy "
            + "that those four endpoints require and nothing else does: within each of their pairs, what differs is the endpoint, or the tag. "
            + $"The load came from {(string?)endpoint["load_generator"] ?? "a load generator, a .NET process of its own"}, "
            + Invariant($"keeping {(long?)endpoint["connections"]} keep-alive HTTP/1.1 connections busy; the review's own generator also checks every response: status 200, ")
            + "`no-store` on every response carrying a signed-in user's token, and the body: a token's three base64url parts, its signature "
            + "verified with the key and every new token's claims read apart; the JSON's three names, the token's expiry and the project's id; "
            + "the page's text, and the widget's script tag for the token or no script at all. "
            + $"The app's process ran on {(string?)endpoint["server_pinning"]}; the load generator's on {(string?)endpoint["load_pinning"]}. "
            + Invariant($"Paired rounds: each endpoint loaded for {(double?)endpoint["slot_ms"]:0} ms a round, the order rotated and reversed every other round; ")
            + $"a ratio of requests a second is taken within each round. Rounds: {(string?)endpoint["stopped"]}.",
            review, PerfReviewMarkdown.RatioBlock("endpoint"), PerfReviewMarkdown.Endpoint);
        Section(text, "Where the time goes", "Each stage timed alone in the same paired rounds (median nanoseconds a token), then each tier against its stages summed; what the stages leave out is the argument checks, the stack buffers and the header copy.",
            review, PerfReviewMarkdown.Stages, PerfReviewMarkdown.Tiers);
        Section(text, "Every method", "", review, PerfReviewMarkdown.Methods);
        Section(text, "Allocation", "", review, PerfReviewMarkdown.Allocation);
        Section(text, "Claim size", "", review, PerfReviewMarkdown.ClaimSize);
        File.WriteAllText(path, text.ToString().TrimEnd('\n') + "\n");
    }

    /// <summary>A heading, its prose, and the blocks the review has something for.</summary>
    private static void Section(StringBuilder text, string title, string prose, JsonObject? review = null, params string[] blocks)
    {
        if (prose.Length == 0 && blocks.All(b => PerfReviewMarkdown.Render(b, review!).Length == 0))
        {
            return;
        }

        text.Append(Invariant($"## {title}\n\n"));
        if (prose.Length > 0)
        {
            text.Append(prose).Append("\n\n");
        }

        foreach (string block in blocks)
        {
            string rendered = PerfReviewMarkdown.Render(block, review!);
            if (rendered.Length > 0)
            {
                text.Append(rendered).Append("\n\n");
            }
        }
    }
}
