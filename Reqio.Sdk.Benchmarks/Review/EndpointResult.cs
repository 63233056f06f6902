using System.Collections.Generic;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>
/// The token endpoint under load: the ratios, each endpoint's medians, the rounds, how long a slot was, where the two
/// processes ran, and why the rounds stopped.
/// </summary>
internal sealed record EndpointResult(IReadOnlyList<RatioResult> Ratios, IReadOnlyList<EndpointLine> Endpoints, int Rounds,
    TimeSpan Slot, int Connections, string ServerPinning, string LoadPinning, string Stopped);
