using System.ComponentModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reqio.Sdk.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Reqio to an app's services: <c>builder.Services.AddReqio()</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReqioServiceCollectionExtensions
{
    /// <summary>
    /// Adds Reqio with its settings from the app's configuration: the section <c>Reqio</c> (<c>Reqio:Secret</c>,
    /// <c>Reqio:ProjectId</c>, <c>Reqio:Audience</c>; so <c>appsettings.json</c>, user-secrets, the environment
    /// variable <c>Reqio__Secret</c> and the Azure Key Vault secret <c>Reqio--Secret</c> all work) or the flat names
    /// <c>REQIO_SECRET</c>, <c>REQIO_PROJECT_ID</c>, <c>REQIO_AUDIENCE</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The settings are checked when the host starts, by <see cref="Reqio.Sdk.ReqioProject.FromSettings"/>'s rules:
    /// a missing, refused or disagreeing setting stops the app with one message naming every problem. A setting given
    /// under both of its names with different values (<c>Reqio:Secret</c> and <c>REQIO_SECRET</c>) is refused too.
    /// </para>
    /// <para>
    /// A configuration reload (a rotated secret) reaches the next token without a restart; a reload the rules refuse
    /// keeps the last good settings and logs an error naming the setting and the rule, never a value.
    /// </para>
    /// <para>
    /// The signed-in user comes from the <see cref="IReqioUserResolver"/> the app registers, or by default from the
    /// user's claims. Calling this more than once adds Reqio once.
    /// </para>
    /// </remarks>
    /// <param name="services">The app's services.</param>
    /// <returns><paramref name="services"/>, to chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddReqio(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ReqioOptions>, ReqioConfigurationReader>());
        return AddCore(services, ProjectBuilder.ConfigurationSource, watchConfiguration: true);
    }

    /// <summary>
    /// Adds Reqio with options set in code, for apps that build their settings elsewhere; the configuration is not
    /// read. The options are checked when the host starts, as for <see cref="AddReqio(IServiceCollection)"/>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets the options: <see cref="ReqioOptions.Secret"/>, and <see cref="ReqioOptions.ProjectId"/> or <see cref="ReqioOptions.Audience"/>.</param>
    /// <returns><paramref name="services"/>, to chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddReqio(this IServiceCollection services, Action<ReqioOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddCore(services, ProjectBuilder.CodeSource, watchConfiguration: false);
    }

    private static IServiceCollection AddCore(IServiceCollection services, string source, bool watchConfiguration)
    {
        services.AddOptions<ReqioOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReqioOptions>>(new ReqioOptionsValidator(source)));
        services.TryAddSingleton(provider => new ReqioProjectSource(
            provider.GetRequiredService<IOptionsFactory<ReqioOptions>>(),
            provider.GetRequiredService<ILogger<ReqioProjectSource>>(),
            source,
            watchConfiguration ? provider.GetService<IConfiguration>() : null));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ReqioStartupFilter>());
        services.TryAddSingleton<ReqioIdentityIssuer>();
        services.TryAddScoped<IReqioUserResolver, ClaimsUserResolver>();
        return services;
    }
}
