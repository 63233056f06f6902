using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// Reads <see cref="ReqioOptions"/> from the configuration: each setting from the section <c>Reqio</c> or by its
/// flat <c>REQIO_*</c> name, the configuration resolving each key as usual. Both given and different is recorded as a
/// disagreement (by name, never value), which <see cref="ProjectBuilder"/> refuses.
/// </summary>
internal sealed class ReqioConfigurationReader(IConfiguration configuration) : IConfigureOptions<ReqioOptions>
{
    public void Configure(ReqioOptions options)
    {
        options.Disagreements.Clear();
        options.Secret = Read(options, "Secret", "REQIO_SECRET");
        options.ProjectId = Read(options, "ProjectId", "REQIO_PROJECT_ID");
        options.Audience = Read(options, "Audience", "REQIO_AUDIENCE");
    }

    private string? Read(ReqioOptions options, string key, string flatName)
    {
        string sectionKey = ReqioOptions.SectionName + ":" + key;
        string? inSection = configuration[sectionKey];
        string? flat = configuration[flatName];
        if (string.IsNullOrEmpty(inSection))
        {
            return flat;
        }

        if (!string.IsNullOrEmpty(flat) && !string.Equals(inSection, flat, StringComparison.Ordinal))
        {
            options.Disagreements.Add((sectionKey, flatName));
        }

        return inSection;
    }
}
