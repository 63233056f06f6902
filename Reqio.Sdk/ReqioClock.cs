namespace Reqio.Sdk;

/// <summary>The clocks the SDK ships.</summary>
public static class ReqioClock
{
    /// <summary>The system's clock (<see cref="DateTimeOffset.UtcNow"/>); the default of <see cref="ReqioProject.Clock"/>.</summary>
    public static IReqioClock System { get; } = new SystemClock();

#if NET8_0_OR_GREATER
    /// <summary>
    /// A clock that reads <paramref name="timeProvider"/>, so <c>TimeProvider.System</c>, or
    /// <c>FakeTimeProvider</c> in tests, can drive <c>iat</c> and <c>exp</c>.
    /// </summary>
    /// <param name="timeProvider">The provider to read <see cref="global::System.TimeProvider.GetUtcNow"/> from.</param>
    /// <returns>A clock that reads the provider every time a token is minted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public static IReqioClock FromTimeProvider(TimeProvider timeProvider) =>
        new TimeProviderClock(Preconditions.CheckNotNull(timeProvider, nameof(timeProvider)));
#endif
}
