using Microsoft.Extensions.Options;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// Checks <see cref="ReqioOptions"/> by building the project from them, so <c>ValidateOnStart</c> stops the host
/// with the core's message when a setting is missing, refused or disagrees with another.
/// </summary>
internal sealed class ReqioOptionsValidator(string source) : IValidateOptions<ReqioOptions>
{
    public ValidateOptionsResult Validate(string? name, ReqioOptions options)
    {
        try
        {
            ProjectBuilder.Build(options, source);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
