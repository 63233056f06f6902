using System.Collections.Generic;
using System.Threading;

namespace Reqio.Sdk;

/// <summary>
/// Reads a <see cref="ReqioProject"/> from the settings <c>REQIO_SECRET</c>, <c>REQIO_AUDIENCE</c> and
/// <c>REQIO_PROJECT_ID</c>, through whatever function reads them (the process environment, or an application's
/// configuration), and keeps the first successful read of the environment for <see cref="ReqioToken.Mint(ReqioUser)"/>.
/// A failed read is not kept, so an application that sets the variables later recovers without restarting.
/// </summary>
internal static class ProjectSettings
{
    public const string SecretSetting = "REQIO_SECRET";
    public const string AudienceSetting = "REQIO_AUDIENCE";
    public const string ProjectIdSetting = "REQIO_PROJECT_ID";

    /// <summary>Where <see cref="ReqioProject.FromEnvironment()"/> looks, as its messages say it.</summary>
    public const string EnvironmentSource = "among this process's environment variables";

    /// <summary>Where <see cref="ReqioProject.FromSettings"/> looks, as its messages say it.</summary>
    public const string FunctionSource = "among the settings the function given to ReqioProject.FromSettings returns";

    /// <summary>Where <see cref="ReqioToken.Mint(ReqioUser)"/> looks, and where it does not.</summary>
    private const string MintSource =
        "among this process's environment variables (ReqioToken.Mint(user) reads only those; for the application's configuration, build a ReqioProject with ReqioProject.FromSettings and pass it to Mint)";

    private static ReqioProject? s_shared;

    /// <summary>The project of the first successful read; reads the environment until one succeeds.</summary>
    public static ReqioProject Shared
    {
        get
        {
            ReqioProject? project = Volatile.Read(ref s_shared);
            if (project is null)
            {
                // Two threads may both read on first use; the first to finish wins and both use its project.
                project = Interlocked.CompareExchange(ref s_shared, Read(Environment.GetEnvironmentVariable, MintSource), null) ?? s_shared!;
            }

            return project;
        }
    }

    /// <summary>
    /// Reads the three settings through <paramref name="getSetting"/> and checks each value by its rule under its
    /// setting's name, then checks that an audience and a project id given together name one project. Every missing
    /// and every refused setting is named in one exception, so one fix-and-retry is enough; no valid setting hides an
    /// invalid one.
    /// </summary>
    public static ReqioProject Read(Func<string, string?> getSetting, string source)
    {
        string? secret = Value(getSetting, SecretSetting);
        string? audience = Value(getSetting, AudienceSetting);
        string? projectId = Value(getSetting, ProjectIdSetting);

        var missing = new List<string>(2);
        var refused = new List<(string What, ArgumentException Error)>(3);
        byte[]? key = null;
        if (secret is null)
        {
            missing.Add(SecretSetting);
        }
        else
        {
            Check(Invalid(SecretSetting), () => key = ReqioProject.CheckSecretAndGetKey(secret), refused);
        }

        if (audience is null && projectId is null)
        {
            missing.Add($"{ProjectIdSetting} (or {AudienceSetting})");
        }

        string? audienceProjectId = null;
        bool audienceValid = audience is not null
            && Check(Invalid(AudienceSetting), () => audienceProjectId = ReqioProject.CheckAudienceAndGetProjectId(audience), refused);
        bool projectIdValid = projectId is not null
            && Check(Invalid(ProjectIdSetting), () => ReqioProject.CheckProjectId(projectId), refused);
        if (audienceValid && projectIdValid)
        {
            Check($"The settings {AudienceSetting} and {ProjectIdSetting} disagree",
                () => ReqioProject.CheckSameProject(audienceProjectId, projectId!, AudienceSetting, ProjectIdSetting), refused);
        }

        if (missing.Count > 0 || refused.Count > 0)
        {
            ThrowHelper.InvalidOperation(Message(missing, refused, source), refused.Count switch
            {
                0 => null,
                1 => refused[0].Error,
                _ => new AggregateException(refused.ConvertAll(r => (Exception)r.Error)),
            });
        }

        return ReqioProject.FromCheckedValues(
            key!,
            audience ?? ReqioProject.ProjectAudiencePrefix + projectId,
            audienceProjectId ?? projectId);
    }

    /// <summary>Runs <paramref name="check"/>; a refusal is added to <paramref name="refused"/>, introduced by <paramref name="what"/>.</summary>
    /// <returns>Whether the value passed.</returns>
    private static bool Check(string what, Action check, List<(string, ArgumentException)> refused)
    {
        try
        {
            check();
            return true;
        }
        catch (ArgumentException e)
        {
            refused.Add((what, e));
            return false;
        }
    }

    /// <summary>One sentence for the missing settings, then one for each refused setting, in the order they are read.</summary>
    private static string Message(List<string> missing, List<(string What, ArgumentException Error)> refused, string source)
    {
        var sentences = new List<string>(1 + refused.Count);
        if (missing.Count > 0)
        {
            sentences.Add($"Reqio is not configured: {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set {source}.");
        }

        foreach (var (what, error) in refused)
        {
            sentences.Add($"{what}: {error.Message}");
        }

        return string.Join(" ", sentences);
    }

    private static string Invalid(string setting) => $"The setting {setting} is not valid";

    private static string? Value(Func<string, string?> getSetting, string name)
    {
        string? value = getSetting(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
