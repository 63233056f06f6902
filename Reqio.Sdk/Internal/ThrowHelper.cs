using System.Diagnostics.CodeAnalysis;

namespace Reqio.Sdk;

/// <summary>
/// Every exception the SDK throws starts here, so each message names the value's field and the rule it broke, and
/// none ever carries a secret: messages are built from names, lengths and rules, never from a secret's text.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ArgumentNull(string paramName) =>
        throw new ArgumentNullException(paramName, $"{paramName} must not be null.");

    [DoesNotReturn]
    public static void Argument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ArgumentOutOfRange(string paramName, object actualValue, string message) =>
        throw new ArgumentOutOfRangeException(paramName, actualValue, message);

    [DoesNotReturn]
    public static void InvalidOperation(string message, Exception? innerException = null) =>
        throw new InvalidOperationException(message, innerException);
}
