using System.Collections.Generic;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// Builds the core <see cref="ReqioProject"/> from <see cref="ReqioOptions"/> through
/// <see cref="ReqioProject.FromSettings"/>, so every rule and the one message are the core's. The only rule of its
/// own is the configuration's: a setting given under both of its names with different values is refused, in the
/// same message as the core's findings.
/// </summary>
internal static class ProjectBuilder
{
    /// <summary>How the configuration's names map to the core's, for a message about settings read by <c>AddReqio()</c>.</summary>
    public const string ConfigurationSource =
        "AddReqio() reads each setting from the configuration section Reqio (Reqio:Secret, Reqio:ProjectId, Reqio:Audience; Reqio__Secret as an environment variable, Reqio--Secret in Azure Key Vault) or by its flat name (REQIO_SECRET, REQIO_PROJECT_ID, REQIO_AUDIENCE).";

    /// <summary>How the options' properties map to the core's names, for options set in code.</summary>
    public const string CodeSource =
        "The ReqioOptions given to AddReqio are read as ReqioOptions.Secret = REQIO_SECRET, ProjectId = REQIO_PROJECT_ID, Audience = REQIO_AUDIENCE.";

    /// <summary>
    /// The core names a setting by its flat name; read from the configuration it may have come from the section, so
    /// the message names both: <c>The setting Reqio:Secret (or REQIO_SECRET) is not valid</c>.
    /// </summary>
    private static string BothNames(string message) =>
        message.Replace("The setting REQIO_SECRET ", "The setting Reqio:Secret (or REQIO_SECRET) ")
            .Replace("The setting REQIO_PROJECT_ID ", "The setting Reqio:ProjectId (or REQIO_PROJECT_ID) ")
            .Replace("The setting REQIO_AUDIENCE ", "The setting Reqio:Audience (or REQIO_AUDIENCE) ");

    /// <summary>Builds the project; throws <see cref="InvalidOperationException"/> naming every problem, never a value.</summary>
    public static ReqioProject Build(ReqioOptions options, string source)
    {
        var sentences = new List<string>(3);
        foreach (var (sectionKey, flatName) in options.Disagreements)
        {
            sentences.Add($"The settings {sectionKey} and {flatName} are both set and differ: one of them is stale, and Reqio will not guess which. Set one of the two, or both to the same value.");
        }

        ReqioProject? project = null;
        InvalidOperationException? refused = null;
        try
        {
            project = ReqioProject.FromSettings(name => name switch
            {
                "REQIO_SECRET" => options.Secret,
                "REQIO_PROJECT_ID" => options.ProjectId,
                "REQIO_AUDIENCE" => options.Audience,
                _ => null,
            });

            // The widget's tag names the project: the core refuses a project without an id (an audience of another
            // form given alone), and here that is a setting to fix at start, not a page that fails later.
            _ = ReqioWidget.AnonymousScriptTag(project);
        }
        catch (InvalidOperationException e)
        {
            refused = e;
            sentences.Add(source == ConfigurationSource ? BothNames(e.Message) : e.Message);
        }
        catch (ArgumentException e)
        {
            refused = new InvalidOperationException(e.Message, e);
            sentences.Add(e.Message);
        }

        if (sentences.Count > 0)
        {
            sentences.Add(source);
            throw new InvalidOperationException(string.Join(" ", sentences), refused);
        }

        return project!;
    }
}
