using System.Collections.Generic;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reqio.Sdk.AspNetCore.Tests.Support;

/// <summary>
/// An ASP.NET Core app under <see cref="WebApplicationFactory{TEntryPoint}"/>: the given configuration (and nothing
/// from the machine's environment), the test sign-in (<see cref="HeaderAuthentication"/>) with a cookie sign-in's
/// redirect as the challenge, Razor Pages (Pages/Widget.cshtml holds the tag helper), <c>AddReqio()</c> unless the
/// test adds Reqio itself, and the endpoints the test maps.
/// </summary>
internal sealed class ReqioAppFactory : WebApplicationFactory<ReqioAppFactory>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection> _services;
    private readonly Action<IEndpointRouteBuilder> _endpoints;

    public ReqioAppFactory(
        Dictionary<string, string?> settings,
        Action<IEndpointRouteBuilder>? endpoints = null,
        Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _endpoints = endpoints ?? (e => e.MapReqioToken());
        _services = services ?? (s => s.AddReqio());
    }

    public LogSink Logs { get; } = new();

    /// <summary>The app's configuration, to change and reload.</summary>
    public IConfigurationRoot Configuration => (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();

    /// <summary>The test assembly's folder is the content root (the factory would look for a project folder by the assembly's name).</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override IHostBuilder CreateHostBuilder() =>
        new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings))
            .ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .ConfigureWebHost(web => web
                .UseSetting(WebHostDefaults.ApplicationKey, typeof(ReqioAppFactory).Assembly.GetName().Name)
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddRazorPages().AddApplicationPart(typeof(ReqioAppFactory).Assembly);
                    services.AddAuthentication(o =>
                        {
                            o.DefaultAuthenticateScheme = HeaderAuthentication.Name;
                            o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                        })
                        .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null)
                        .AddCookie(o => o.LoginPath = "/sign-in");
                    services.AddAuthorization();
                    _services(services);
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapRazorPages();
                        _endpoints(endpoints);
                    });
                }));
}
