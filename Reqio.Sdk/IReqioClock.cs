namespace Reqio.Sdk;

/// <summary>
/// The time source for a token's <c>iat</c> and <c>exp</c>. Implement it to control time in tests; the SDK reads
/// <see cref="UtcNow"/> once per token. <see cref="ReqioClock"/> has the system clock and, on .NET 8 and later, an
/// adapter for <c>System.TimeProvider</c>.
/// </summary>
public interface IReqioClock
{
    /// <summary>The current time. Its fraction of a second is dropped: <c>iat</c> is whole Unix seconds.</summary>
    DateTimeOffset UtcNow { get; }
}
