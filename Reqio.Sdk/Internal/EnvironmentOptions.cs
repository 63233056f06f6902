using System.Collections.Generic;
using System.Threading;

namespace Reqio.Sdk;

/// <summary>
/// Reads <see cref="ReqioOptions"/> from <c>REQIO_SECRET</c>, <c>REQIO_AUDIENCE</c> and <c>REQIO_PROJECT_ID</c>,
/// and keeps the first successful read for <see cref="ReqioToken.Mint(ReqioUser)"/>. A failed read is not kept, so
/// an application that sets the variables later recovers without restarting.
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
                options = Interlocked.CompareExchange(ref s_shared, Read(), null) ?? s_shared!;
            }

            return options;
        }
    }

    public static ReqioOptions Read()
    {
        string? secret = Variable(SecretVariable);
        string? audience = Variable(AudienceVariable);
        string? projectId = audience is null ? Variable(ProjectIdVariable) : null;

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
                $"Reqio is not configured: set {string.Join(" and ", missing)} in the environment, or pass ReqioOptions to ReqioToken.Mint.");
        }

        try
        {
            return audience is not null ? new ReqioOptions(secret!, audience) : ReqioOptions.ForProject(secret!, projectId!);
        }
        catch (ArgumentException e)
        {
            string variable = e.ParamName switch
            {
                "secret" => SecretVariable,
                "projectId" => ProjectIdVariable,
                _ => AudienceVariable,
            };
            ThrowHelper.InvalidOperation($"The environment variable {variable} is not valid: {e.Message}", e);
            throw;
        }
    }

    private static string? Variable(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
