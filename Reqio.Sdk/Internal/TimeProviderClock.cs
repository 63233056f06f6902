#if NET8_0_OR_GREATER
namespace Reqio.Sdk;

/// <summary>Reads a <see cref="TimeProvider"/>; .NET 8 and later only, where the type is in the box.</summary>
internal sealed class TimeProviderClock : IReqioClock
{
    private readonly TimeProvider _timeProvider;

    public TimeProviderClock(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public DateTimeOffset UtcNow => _timeProvider.GetUtcNow();

    public override string ToString() => $"ReqioClock.FromTimeProvider({_timeProvider})";
}
#endif
