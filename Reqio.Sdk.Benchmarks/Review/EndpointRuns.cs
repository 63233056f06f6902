using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Reqio.Sdk.Benchmarks.Endpoint;
using Reqio.Sdk.Benchmarks.Harness;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>
/// Runs the token endpoint app (<see cref="TokenEndpointApp"/>) on one core and the load generator
/// (<see cref="LoadGenerator"/>) on the other, then paired rounds: every endpoint loaded for one short slot a round,
/// the order rotated and reversed every other round, so each pair of endpoints alternates and sees the same stretch of
/// the machine. A ratio of requests a second (<see cref="Claims"/>: an endpoint's ÷ another's) is taken within each
/// round and summarised over the rounds, as in <see cref="PairedRounds"/>. Rounds go on until every interval is within
/// <see cref="SettledHalfWidth"/> of its median, or until <see cref="TimeLimit"/>.
/// </summary>
internal static class EndpointRuns
{
    /// <summary>The review's one settling rule: every interval within this of its median.</summary>
    public const double SettledHalfWidth = PerfReview.SettledHalfWidth;

    /// <summary>The fewest rounds the ratios are reported from.</summary>
    public const int MinRounds = 12;

    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long each endpoint is loaded a round: short, so a round's endpoints see the same moment of a shared
    /// machine, and many rounds fit in the time limit.
    /// </summary>
    public static readonly TimeSpan Slot = TimeSpan.FromMilliseconds(500);

    public static readonly IReadOnlyList<(string Id, string Description, TokenEndpoint Numerator, TokenEndpoint Denominator)> Claims =
    [
        ("endpoint_vs_jsonwebtokenhandler", "requests a second: the Reqio.Sdk endpoint ÷ the JsonWebTokenHandler endpoint",
            TokenEndpoints.Reqio, TokenEndpoints.JsonWebTokenHandler),
        ("endpoint_vs_constant", "requests a second: the Reqio.Sdk endpoint ÷ the endpoint returning a constant token (the framework's own cost)",
            TokenEndpoints.Reqio, TokenEndpoints.Constant),
        ("endpoint_mapreqiotoken_vs_hand_written", "requests a second, the same sign-in and the same JSON: `MapReqioToken` ÷ the single-page-app recipe's hand-written endpoint",
            TokenEndpoints.MapReqioToken, TokenEndpoints.HandWritten),
        ("endpoint_mapreqiotoken_vs_constant", "requests a second: `MapReqioToken` (the sign-in, the token and its JSON) ÷ the endpoint returning a constant token (the framework's own cost)",
            TokenEndpoints.MapReqioToken, TokenEndpoints.Constant),
        ("endpoint_page_with_widget_vs_without", "requests a second, the same sign-in: a Razor page with `<reqio-widget />` ÷ the same page without it",
            TokenEndpoints.PageWithWidget, TokenEndpoints.PageWithoutWidget),
    ];

    public static EndpointResult Run(Action<string> progress)
    {
        using LineProcess server = StartServer(out string address);
        using LineProcess load = LineProcess.StartSelf("the load generator", $"--endpoint-load {address}", core: 1, LoadGenerator.Settings);
        CheckOneEach(load, progress);
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (TokenEndpoint endpoint in TokenEndpoints.All)
            {
                load.Ask($"run {endpoint.Path} 1500");
            }
        }

        progress($"warmed up; the server on {server.Pinning}, the load generator on {load.Pinning}");
        int count = TokenEndpoints.All.Count;
        var perSecond = TokenEndpoints.All.Select(_ => new List<double>()).ToArray();
        var serverBusy = TokenEndpoints.All.Select(_ => new List<double>()).ToArray();
        var loadBusy = TokenEndpoints.All.Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        string? stopped = null;
        for (int round = 0; stopped is null; round++)
        {
            for (int i = 0; i < count; i++)
            {
                int step = round % 2 == 0 ? i : count - 1 - i;
                int e = (round + step) % count;
                TimeSpan? serverBefore = server.ProcessorTime;
                TimeSpan? loadBefore = load.ProcessorTime;
                long began = Stopwatch.GetTimestamp();
                string[] answer = load.Ask(string.Create(CultureInfo.InvariantCulture, $"run {TokenEndpoints.All[e].Path} {Slot.TotalMilliseconds:0}"));
                TimeSpan wall = Stopwatch.GetElapsedTime(began);
                perSecond[e].Add(int.Parse(answer[0], CultureInfo.InvariantCulture) / double.Parse(answer[1], CultureInfo.InvariantCulture));
                AddBusy(serverBusy[e], serverBefore, server.ProcessorTime, wall);
                AddBusy(loadBusy[e], loadBefore, load.ProcessorTime, wall);
            }

            int rounds = round + 1;
            var estimates = Claims.Select(c => Ratio(perSecond, c.Numerator, c.Denominator)).ToList();
            if (rounds % 20 == 0)
            {
                progress($"{rounds} endpoint rounds, {clock.Elapsed.TotalSeconds:F0} s, intervals {HalfWidths(estimates)}");
            }

            // The order of the endpoints repeats every 2 × count rounds (forward and backward, each rotation): stop
            // only after whole cycles, so every order has run equally often. The intervals are looked at after each
            // cycle and the rounds stop once they are narrow enough, which the report states as the stopping rule.
            if (rounds % (2 * count) != 0)
            {
                continue;
            }

            if (rounds >= MinRounds && estimates.All(e => e.RelativeHalfWidth < SettledHalfWidth))
            {
                stopped = Invariant($"every interval within ±{SettledHalfWidth * 100:0}% of its median after {rounds} rounds ({clock.Elapsed.TotalSeconds:0} s; checked after each whole cycle of {2 * count} rounds, and stopped at the first within it)");
            }
            else if (clock.Elapsed >= TimeLimit)
            {
                stopped = Invariant($"intervals {HalfWidths(estimates)} after {rounds} rounds, stopped at the time limit of {TimeLimit.TotalMinutes:0} minutes");
            }
        }

        progress(stopped);
        var ratios = Claims.Select(c => new RatioResult(c.Id, Section.Endpoint, c.Description, Ratio(perSecond, c.Numerator, c.Denominator))).ToList();
        var lines = TokenEndpoints.All.Select((endpoint, e) =>
            new EndpointLine(endpoint, Median(perSecond[e]), Median(serverBusy[e]), Median(loadBusy[e]))).ToList();
        return new EndpointResult(ratios, lines, perSecond[0].Count, Slot, LoadGenerator.Connections, server.Pinning, load.Pinning, stopped);
    }

    /// <summary>For the smoke run: starts both processes and checks one response of each endpoint, nothing timed.</summary>
    public static EndpointResult Smoke(Action<string> progress)
    {
        using LineProcess server = StartServer(out string address);
        using LineProcess load = LineProcess.StartSelf("the load generator", $"--endpoint-load {address}", core: 1, LoadGenerator.Settings);
        CheckOneEach(load, progress);
        const string why = "smoke run: one response of each endpoint checked, nothing timed";
        return new EndpointResult([.. Claims.Select(c => new RatioResult(c.Id, Section.Endpoint, c.Description, null, why))],
            [.. TokenEndpoints.All.Select(e => new EndpointLine(e, null, null, null))], 0, Slot, LoadGenerator.Connections, server.Pinning, load.Pinning, why);
    }

    /// <summary>
    /// The token app, with the server garbage collector an ASP.NET Core app gets by default (the Web SDK's setting;
    /// this program's own project is a console app's).
    /// </summary>
    private static LineProcess StartServer(out string address)
    {
        var server = LineProcess.StartSelf("the token endpoint app", "--endpoint-server", core: 0,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
        string line = server.ReadLine();
        address = line.StartsWith("listening http://127.0.0.1:", StringComparison.Ordinal)
            ? line["listening ".Length..]
            : throw new InvalidOperationException($"the token endpoint app did not say where it listens: {line}");
        return server;
    }

    private static void CheckOneEach(LineProcess load, Action<string> progress)
    {
        foreach (TokenEndpoint endpoint in TokenEndpoints.All)
        {
            string length = load.Ask($"check {endpoint.Path}")[0];
            progress($"{endpoint.Path}: {ResponseCheck.Verifies(endpoint.Shape)} ({length} bytes)");
        }
    }

    private static Estimate Ratio(List<double>[] perSecond, TokenEndpoint numerator, TokenEndpoint denominator) =>
        Estimate.OfRatios(perSecond[Index(numerator)], perSecond[Index(denominator)]);

    private static int Index(TokenEndpoint endpoint) => TokenEndpoints.All.ToList().IndexOf(endpoint);

    private static void AddBusy(List<double> busy, TimeSpan? before, TimeSpan? after, TimeSpan wall)
    {
        if (before is { } b && after is { } a)
        {
            busy.Add((a - b) / wall);
        }
    }

    private static double? Median(List<double> values) => values.Count == 0 ? null : Estimate.Of(values).Median;

    private static string HalfWidths(IEnumerable<Estimate> estimates) =>
        string.Join(" and ", estimates.Select(e => Invariant($"±{e.RelativeHalfWidth * 100:0.0}%")));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
