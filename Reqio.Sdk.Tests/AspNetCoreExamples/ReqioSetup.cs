using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example: the project from configuration, and the smallest sign-in a recipe needs.</summary>
public static class ReqioSetup
{
    // REQIO_SECRET and REQIO_PROJECT_ID (or REQIO_AUDIENCE) from the app's configuration: user-secrets in
    // Development, environment variables or a secret store in production. A missing or refused setting stops the app here.
    public static IServiceCollection AddReqio(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(ReqioProject.FromSettings(name => configuration[name]));

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

    // Development only: GET /dev/sign-in?id=user-42&email=ada@example.com signs that user in with the cookie, so the
    // recipe can be tried before the app has a sign-in page. Outside Development it maps nothing.
    public static void MapDevelopmentSignIn(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        app.MapGet("/dev/sign-in", async (HttpContext http, string id, string? email) =>
        {
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id) };
            if (email is not null)
            {
                claims.Add(new Claim(ClaimTypes.Email, email));
            }

            await http.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.Redirect("/");
        });
    }
}
