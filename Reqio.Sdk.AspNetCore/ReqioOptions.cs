using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The Reqio settings of an ASP.NET Core app, as <see cref="Microsoft.Extensions.DependencyInjection.ReqioServiceCollectionExtensions.AddReqio(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>
/// reads them from the configuration (the section <c>Reqio</c>, or the flat names <c>REQIO_SECRET</c>,
/// <c>REQIO_PROJECT_ID</c>, <c>REQIO_AUDIENCE</c>) or an app sets them in code. The values are checked by
/// <see cref="ReqioProject.FromSettings"/>'s rules when the app starts and on every reload; an empty value counts as
/// unset.
/// </summary>
/// <remarks><see cref="ToString"/> never shows <see cref="Secret"/>.</remarks>
public sealed class ReqioOptions
{
    /// <summary>The name of the configuration section the settings are read from: <c>Reqio</c>.</summary>
    public const string SectionName = "Reqio";

    /// <summary>The project's secret, from the Reqio dashboard: <c>Reqio:Secret</c> or <c>REQIO_SECRET</c>. Required.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The project's id, <c>Reqio:ProjectId</c> or <c>REQIO_PROJECT_ID</c>: the tokens' audience is
    /// <c>https://reqio.app/p/{ProjectId}</c>. This or <see cref="Audience"/> is required; with both, they must name
    /// the same project.
    /// </summary>
    public string? ProjectId { get; set; }

    /// <summary>
    /// The tokens' audience, <c>Reqio:Audience</c> or <c>REQIO_AUDIENCE</c>, for a Reqio on another host (local or
    /// staging); see <see cref="ReqioProject.Audience"/>. This or <see cref="ProjectId"/> is required.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Returns the page's Content-Security-Policy nonce for apps that keep one per request, or
    /// <see langword="null"/> (the default) for none. The tag helper's <c>nonce</c> attribute and the component's
    /// <c>Nonce</c> parameter take precedence over it.
    /// </summary>
    public Func<HttpContext, string?>? NonceResolver { get; set; }

    /// <summary>
    /// Settings that were given under both of their names with different values (<c>Reqio:Secret</c> and
    /// <c>REQIO_SECRET</c>, say), as the configuration reader found them: the pairs of names, never the values.
    /// </summary>
    internal List<(string SectionKey, string FlatName)> Disagreements { get; } = new();

    /// <summary>Describes the options without the secret, which it shows only as set or not.</summary>
    /// <returns>For example <c>ReqioOptions { ProjectId = proj_abc123, Audience = (none), Secret = (set, hidden) }</c>.</returns>
    public override string ToString() =>
        $"ReqioOptions {{ ProjectId = {Show(ProjectId)}, Audience = {Show(Audience)}, Secret = {(string.IsNullOrEmpty(Secret) ? "(none)" : "(set, hidden)")} }}";

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value!;
}
