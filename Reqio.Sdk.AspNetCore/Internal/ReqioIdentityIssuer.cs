using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// Decides, once per use, what a request gets: an anonymous visitor the project alone; a signed-in user a fresh
/// token, or none (and a log line naming the rule) when the resolver finds no id or the core refuses the user.
/// Never throws for a visitor.
/// </summary>
internal sealed class ReqioIdentityIssuer(ReqioProjectSource projects, ILogger<ReqioIdentityIssuer> logger)
{
    public async ValueTask<ReqioIdentity> IssueAsync(HttpContext context)
    {
        ReqioProject project = projects.Current;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return ReqioIdentity.Anonymous(project);
        }

        ReqioUser? user;
        try
        {
            user = await context.RequestServices.GetRequiredService<IReqioUserResolver>().ResolveAsync(context).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // The core's messages state the rule without the value; the parameter says which value.
            Log.UserRefused(logger, e.ParamName, e.Message);
            return ReqioIdentity.NotIdentified(project);
        }

        if (user is null)
        {
            Log.NoUserId(logger);
            return ReqioIdentity.NotIdentified(project);
        }

        return ReqioIdentity.Identified(project, ReqioToken.MintWithExpiry(user, project));
    }
}
