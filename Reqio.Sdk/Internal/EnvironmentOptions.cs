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
    /// name. Every missing and every refused setting is named in one exception, so one fix-and-retry is enough.
    /// </summary>
    public static ReqioOptions Read(Func<string, string?> getVariable)
    {
        string? secret = Value(getVariable, SecretVariable);
        string? audience = Value(getVariable, AudienceVariable);
        string? projectId = audience is null ? Value(getVariable, ProjectIdVariable) : null;

        var missing = new List<string>(2);
        var refused = new List<(string Variable, ArgumentException Error)>(2);
        byte[]? key = null;
        if (secret is null)
        {
            missing.Add(SecretVariable);
        }
        else
        {
            key = Checked(SecretVariable, secret, ReqioOptions.CheckSecretAndGetKey, refused);
        }

        if (audience is null && projectId is null)
        {
            missing.Add($"{AudienceVariable} (or {ProjectIdVariable})");
        }
        else if (audience is null)
        {
            string? id = Checked(ProjectIdVariable, projectId!, ReqioOptions.CheckProjectId, refused);
            audience = id is null ? null : ReqioOptions.ProjectAudiencePrefix + id;
        }

        if (audience is not null)
        {
            audience = Checked(projectId is null ? AudienceVariable : ProjectIdVariable, audience, ReqioOptions.CheckAudience, refused);
        }

        if (missing.Count > 0 || refused.Count > 0)
        {
            ThrowHelper.InvalidOperation(Message(missing, refused), refused.Count switch
            {
                0 => null,
                1 => refused[0].Error,
                _ => new AggregateException(refused.ConvertAll(r => (Exception)r.Error)),
            });
        }

        return ReqioOptions.FromCheckedValues(key!, audience!);
    }

    /// <summary>Runs <paramref name="check"/> on a variable's value; a refusal is added to <paramref name="refused"/>.</summary>
    private static T? Checked<T>(string variable, string value, Func<string, T> check, List<(string, ArgumentException)> refused)
    {
        try
        {
            return check(value);
        }
        catch (ArgumentException e)
        {
            refused.Add((variable, e));
            return default;
        }
    }

    /// <summary>One sentence for the missing settings, then one for each refused setting, in the order they are read.</summary>
    private static string Message(List<string> missing, List<(string Variable, ArgumentException Error)> refused)
    {
        var sentences = new List<string>(1 + refused.Count);
        if (missing.Count > 0)
        {
            sentences.Add(
                $"Reqio is not configured: set {string.Join(" and ", missing)} in the environment or the application's configuration, or pass ReqioOptions to ReqioToken.Mint.");
        }

        foreach (var (variable, error) in refused)
        {
            sentences.Add($"The setting {variable} is not valid: {error.Message}");
        }

        return string.Join(" ", sentences);
    }

    private static string? Value(Func<string, string?> getVariable, string name)
    {
        string? value = getVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
