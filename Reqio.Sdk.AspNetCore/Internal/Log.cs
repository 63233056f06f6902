using Microsoft.Extensions.Logging;

namespace Reqio.Sdk.AspNetCore;

/// <summary>The package's log lines. None holds a secret, a token, a user's id or an email address.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error,
        "The reloaded Reqio settings were refused; tokens are still minted with the last good settings. {Reason}")]
    public static partial void ReloadRefused(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Warning,
        "No Reqio token for the signed-in user: the user resolver found no id (the default reads the sub or NameIdentifier claim). Register an IReqioUserResolver that reads the claim your sign-in sets.")]
    public static partial void NoUserId(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning,
        "No Reqio token for the signed-in user: the user's {Parameter} was refused. {Rule}")]
    public static partial void UserRefused(ILogger logger, string? parameter, string rule);

    [LoggerMessage(4, LogLevel.Warning,
        "The Reqio widget's tag was rendered without the nonce the app's NonceResolver returned: {Rule}")]
    public static partial void NonceRefused(ILogger logger, string rule);

    [LoggerMessage(5, LogLevel.Warning,
        "The signed-in user's email claim was left out of the Reqio token: {Rule}")]
    public static partial void EmailLeftOut(ILogger logger, string rule);
}
