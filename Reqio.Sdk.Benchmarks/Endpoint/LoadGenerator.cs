using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// The load generator, a process of its own (<c>--endpoint-load URL</c>) so it can run on a core of its own: a fixed
/// number of keep-alive HTTP/1.1 connections (<see cref="HttpConnection"/>), each a worker sending its next request as
/// soon as the last response is in and checked (<see cref="ResponseCheck"/>). It takes commands on standard input,
/// one a line, and answers each with one line: <c>check PATH</c> sends one request (<c>ok LENGTH</c>);
/// <c>run PATH MILLISECONDS</c> loads the endpoint that long (<c>ok RESPONSES SECONDS</c>, the responses completed and
/// checked within that time). A response that fails its check answers <c>error MESSAGE</c> and ends the process.
/// </summary>
internal static class LoadGenerator
{
    public const int Connections = 32;

    /// <summary>What drove the rounds, as the review states it.</summary>
    public const string Description = "the review's own load generator, a .NET process of its own whose socket completions run inline";

    /// <summary>
    /// The generator's environment: socket completions run on the thread that polls the sockets instead of hopping to
    /// the thread pool, which on one core is most of a request's cost to the generator.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
    };

    public static int Run(string baseAddress)
    {
        var uri = new Uri(baseAddress);
        var server = new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port);
        HttpConnection[] connections = [.. Enumerable.Range(0, Connections).Select(_ => HttpConnection.OpenAsync(server).GetAwaiter().GetResult())];
        try
        {
            string? line;
            while ((line = Console.ReadLine()) is not null)
            {
                string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                try
                {
                    TokenEndpoint endpoint = TokenEndpoints.All.Single(e => e.Path == words[1]);
                    byte[] request = HttpConnection.Get(server, endpoint.Path);
                    string answer = words[0] switch
                    {
                        "check" => $"ok {Check(connections[0], request, endpoint)}",
                        "run" => Load(connections, request, endpoint, TimeSpan.FromMilliseconds(int.Parse(words[2], CultureInfo.InvariantCulture))),
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
        finally
        {
            foreach (HttpConnection connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    private static int Check(HttpConnection connection, byte[] request, TokenEndpoint endpoint)
    {
        using var check = new ResponseCheck(endpoint);
        var (status, noStore, body) = connection.SendAsync(request).GetAwaiter().GetResult();
        check.Check(status, noStore, body.Span);
        return body.Length;
    }

    private static string Load(HttpConnection[] connections, byte[] request, TokenEndpoint endpoint, TimeSpan duration)
    {
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        int responses = 0;
        Task[] workers = [.. connections.Select(connection => Task.Run(async () =>
        {
            using var check = new ResponseCheck(endpoint);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var (status, noStore, body) = await connection.SendAsync(request).ConfigureAwait(false);
                check.Check(status, noStore, body.Span);
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
