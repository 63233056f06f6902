using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// The load generator, a process of its own (<c>--endpoint-load URL</c>) so it can run on a core of its own: one
/// <see cref="HttpClient"/> over HTTP/1.1 keep-alive connections, a fixed number of them, each a worker sending its
/// next request as soon as the last response is in and checked (<see cref="ResponseCheck"/>). It takes commands on
/// standard input, one a line, and answers each with one line: <c>check PATH</c> sends one request
/// (<c>ok LENGTH</c>); <c>run PATH MILLISECONDS</c> loads the endpoint that long (<c>ok RESPONSES SECONDS</c>, the
/// responses completed and checked within that time). A response that fails its check answers <c>error MESSAGE</c>
/// and ends the process.
/// </summary>
internal static class LoadGenerator
{
    public const int Connections = 32;

    public static int Run(string baseAddress)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
        string? line;
        while ((line = Console.ReadLine()) is not null)
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            try
            {
                TokenEndpoint endpoint = TokenEndpoints.All.Single(e => e.Path == words[1]);
                string answer = words[0] switch
                {
                    "check" => $"ok {Check(client, endpoint)}",
                    "run" => Load(client, endpoint, TimeSpan.FromMilliseconds(int.Parse(words[2], CultureInfo.InvariantCulture))),
                    _ => throw new InvalidOperationException($"unknown command: {line}"),
                };
                Console.WriteLine(answer);
            }
            catch (Exception e)
            {
                Exception first = e is AggregateException all ? all.Flatten().InnerExceptions[0] : e;
                Console.WriteLine($"error {first.Message.ReplaceLineEndings(" ")}");
                return 1;
            }
        }

        return 0;
    }

    private static int Check(HttpClient client, TokenEndpoint endpoint)
    {
        using var check = new ResponseCheck(endpoint);
        using HttpResponseMessage response = client.GetAsync(endpoint.Path).GetAwaiter().GetResult();
        byte[] body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        check.Check(response.StatusCode, body);
        return body.Length;
    }

    private static string Load(HttpClient client, TokenEndpoint endpoint, TimeSpan duration)
    {
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        int responses = 0;
        Task[] workers = [.. Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            using var check = new ResponseCheck(endpoint);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using HttpResponseMessage response = await client.GetAsync(endpoint.Path).ConfigureAwait(false);
                byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                check.Check(response.StatusCode, body);
                if (Stopwatch.GetTimestamp() <= deadline)
                {
                    Interlocked.Increment(ref responses);
                }
            }
        }))];
        Task.WaitAll(workers);
        double seconds = (deadline - start) / (double)Stopwatch.Frequency;
        return string.Create(CultureInfo.InvariantCulture, $"ok {responses} {seconds:R}");
    }
}
