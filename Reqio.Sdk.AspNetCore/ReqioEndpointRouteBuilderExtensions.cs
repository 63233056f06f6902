using System.ComponentModel;
using Microsoft.AspNetCore.Routing;
using Reqio.Sdk.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Reqio's token endpoint: <c>app.MapReqioToken()</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReqioEndpointRouteBuilderExtensions
{
    /// <summary>The path <see cref="MapReqioToken"/> maps by default: <c>/reqio/token</c>.</summary>
    public const string DefaultTokenPath = "/reqio/token";

    /// <summary>
    /// Maps <c>GET</c> <paramref name="pattern"/> to the token endpoint a page calls to identify its user to the
    /// widget and to refresh the token before it expires.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A signed-in user gets <c>200</c> with <c>{"token":"…","expiresAt":&lt;unix seconds&gt;,"projectId":"…"}</c>.
    /// The endpoint checks authentication itself: an anonymous caller gets <c>401</c> without a body, never a
    /// redirect to a sign-in page and never a token, whatever the app's sign-in scheme. A signed-in user without an
    /// id, or with a value Reqio refuses, gets a <c>403</c> problem response and the log names the rule. Every
    /// response carries <c>Cache-Control: no-store</c>. The endpoint adds no CORS headers.
    /// </para>
    /// <para>
    /// Policy stays the app's: chain <c>.RequireAuthorization(policy)</c> to admit only some users (its challenge
    /// then follows the app's scheme: a cookie sign-in redirects an anonymous caller before this endpoint runs),
    /// <c>.RequireRateLimiting(policy)</c>, <c>.WithName(…)</c>. Requires <see cref="Microsoft.Extensions.DependencyInjection.ReqioServiceCollectionExtensions.AddReqio(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>,
    /// and authentication in the pipeline (<c>app.UseAuthentication()</c>, which <c>WebApplication</c> adds when
    /// authentication is registered).
    /// </para>
    /// <para>Trimming- and native-AOT-safe: the response is written with <see cref="System.Text.Json.Utf8JsonWriter"/>.</para>
    /// </remarks>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <param name="pattern">The route; <see cref="DefaultTokenPath"/> when not given.</param>
    /// <returns>The endpoint's convention builder, to chain authorization, rate limiting and names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is <see langword="null"/>.</exception>
    public static IEndpointConventionBuilder MapReqioToken(this IEndpointRouteBuilder endpoints, string pattern = DefaultTokenPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        return endpoints.MapGet(pattern, TokenEndpoint.HandleAsync).WithDisplayName("Reqio token");
    }
}
