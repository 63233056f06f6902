namespace Reqio.Sdk;

/// <summary>The system's UTC clock.</summary>
internal sealed class SystemClock : IReqioClock
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public override string ToString() => "ReqioClock.System";
}
