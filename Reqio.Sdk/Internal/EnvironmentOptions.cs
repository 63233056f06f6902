using System.Collections.Generic;
using System.Threading;

namespace Reqio.Sdk;

/// <summary>
/// Reads <see cref="ReqioOptions"/> from the settings <c>REQIO_SECRET</c>, <c>REQIO_AUDIENCE</c> and
/// <c>REQIO_PROJECT_ID</c>, through whatever function reads them (the process environment, or an application's
/// configuration), and keeps the first successful read of the environment for <see cref="ReqioToken.Mint(ReqioUser)"/>.
/// A failed read is not kept, so an application that sets the variables later recovers without restarting.
/// </summary>
internal static class EnvironmentOptions
{
    public const string SecretVariable = "REQIO_SECRET";
    public const string AudienceVariable = "REQIO_AUDIENCE";
    public const string ProjectIdVariable = "REQIO_PROJECT_ID";

    private static ReqioOptions? s_shared;

    /// <summary>The options of the first successful read; reads the environment until one succeeds.</summary>
    public static ReqioOptions Shared
    {
        get
        {
            ReqioOptions? options = Volatile.Read(ref s_shared);
            if (options is null)
            {
                // Two threads may both read on first use; the first to finish wins and both use its options.
                options = Interlocked.CompareExchange(ref s_shared, Read(Environment.GetEnvironmentVariable), null) ?? s_shared!;
            }

            return options;
        }
    }

    /// <summary>
    /// Reads the three variables through <paramref name="getVariable"/> and checks each value under its variable's
    /// name, so a refusal names the variable the value came from.
    /// </summary>
    public static ReqioOptions Read(Func<string, string?> getVariable)
    {
        string? secret = Value(getVariable, SecretVariable);
        string? audience = Value(getVariable, AudienceVariable);
        string? projectId = audience is null ? Value(getVariable, ProjectIdVariable) : null;

        var missing = new List<string>(2);
        if (secret is null)
        {
            missing.Add(SecretVariable);
        }

        if (audience is null && projectId is null)
        {
            missing.Add($"{AudienceVariable} (or {ProjectIdVariable})");
        }

        if (missing.Count > 0)
        {
            ThrowHelper.InvalidOperation(
                $"Reqio is not configured: set {string.Join(" and ", missing)} (environment variables, or the application's configuration), or pass ReqioOptions to ReqioToken.Mint.");
        }

        byte[] key = Checked(SecretVariable, secret!, Validation.SecretKey);
        if (audience is null)
        {
            audience = ReqioOptions.ProjectAudiencePrefix + Checked(ProjectIdVariable, projectId!, Validation.ProjectId);
        }

        int audienceLength = Checked(projectId is null ? AudienceVariable : ProjectIdVariable, audience, Validation.Audience);
        return new ReqioOptions(key, audience, audienceLength);
    }

    /// <summary>Runs <paramref name="check"/> on a variable's value; a refusal becomes one that names the variable.</summary>
    private static T Checked<T>(string variable, string value, Func<string, T> check)
    {
        try
        {
            return check(value);
        }
        catch (ArgumentException e)
        {
            ThrowHelper.InvalidOperation($"The setting {variable} is not valid: {e.Message}", e);
            throw;
        }
    }

    private static string? Value(Func<string, string?> getVariable, string name)
    {
        string? value = getVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
