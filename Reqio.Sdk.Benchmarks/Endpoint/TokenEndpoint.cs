namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// One endpoint of the token app (<see cref="TokenEndpointApp"/>): its path, how the review labels it, and what it
/// does inside the request, in words, for the report. <see cref="Shape"/> is what it answers and <see cref="User"/>
/// whose claims the token it answers must carry; <see cref="MaxAge"/> is how old that token may be.
/// </summary>
internal sealed record TokenEndpoint(string Path, string Label, bool Ours, string Does, ResponseShape Shape, ReqioUser User, TimeSpan MaxAge)
{
    public override string ToString() => Path;
}
