namespace Reqio.Sdk.Tests.Support;

/// <summary>A clock that says what it is told: the fake clock tests set <c>iat</c> with.</summary>
internal sealed class FixedClock : IReqioClock
{
    public FixedClock(DateTimeOffset now) => UtcNow = now;

    public FixedClock(long unixSeconds) => UtcNow = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    public DateTimeOffset UtcNow { get; set; }

    public void Advance(TimeSpan by) => UtcNow += by;
}
