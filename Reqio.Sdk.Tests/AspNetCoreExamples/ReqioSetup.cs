using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example: the options from configuration, and the smallest sign-in a recipe needs.</summary>
public static class ReqioSetup
{
    // REQIO_SECRET and REQIO_PROJECT_ID (or REQIO_AUDIENCE) from the app's configuration: user-secrets in
    // Development, environment variables or a secret store in production. A missing setting stops the app here.
    public static IServiceCollection AddReqio(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(ReqioOptions.FromEnvironment(name => configuration[name]));

    // Cookie authentication that answers 401 instead of redirecting to a sign-in page the app does not have yet.
    // An app that already signs users in keeps its own setup and skips this.
    public static IServiceCollection AddCookieSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie => cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            });
        return services.AddAuthorization();
    }
}
