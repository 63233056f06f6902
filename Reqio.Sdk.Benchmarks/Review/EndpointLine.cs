using Reqio.Sdk.Benchmarks.Endpoint;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>One endpoint's medians over the rounds: requests a second, and how busy each process kept its core.</summary>
internal sealed record EndpointLine(TokenEndpoint Endpoint, double? RequestsPerSecond, double? ServerBusy, double? LoadBusy);
