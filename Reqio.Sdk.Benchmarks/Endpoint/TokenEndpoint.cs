namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// One endpoint of the token app (<see cref="TokenEndpointApp"/>): its path, how the review labels it, and what it
/// does inside the request, in words, for the report. <see cref="MaxAge"/> is how old the token it returns may be.
/// </summary>
internal sealed record TokenEndpoint(string Path, string Label, bool Ours, string Does, TimeSpan MaxAge)
{
    public override string ToString() => Path;
}
