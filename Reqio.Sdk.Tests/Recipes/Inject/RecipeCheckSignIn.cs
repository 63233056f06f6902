// Added by the recipe check (Reqio.Sdk.Tests/Recipes), not from the README: it lets the check's requests be signed
// in without a sign-in form. Loaded only when ASPNETCORE_HOSTINGSTARTUPASSEMBLIES names this app. Its middleware runs
// before the app's own: a request with `X-Recipe-Check-User: ID` gets an authenticated user (NameIdentifier and Name
// ID, Email ID@example.com). Authorization without a named scheme accepts that user, and UseAuthentication replaces
// it only when the app's own scheme authenticates the request (it does not: the check sends no cookie).
using System;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(RecipeCheck.RecipeCheckSignIn))]

namespace RecipeCheck
{
    internal sealed class RecipeCheckSignIn : IHostingStartup, IStartupFilter
    {
        public void Configure(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(this));

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                string? user = context.Request.Headers["X-Recipe-Check-User"];
                if (!string.IsNullOrEmpty(user))
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(
                        [
                            new Claim(ClaimTypes.NameIdentifier, user),
                            new Claim(ClaimTypes.Name, user),
                            new Claim(ClaimTypes.Email, user + "@example.com"),
                        ],
                        authenticationType: "RecipeCheck"));
                }

                return following(context);
            });
            next(app);
        };
    }
}
