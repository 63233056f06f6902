using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reqio.Sdk.AspNetCore.Tests.Examples;

// Development only, to try a recipe before the app has a sign-in of its own: GET /dev/sign-in?id=user-42 (and
// &email=ada@example.com if you like) signs that user in with a cookie. Outside Development it maps nothing.
public static class DevelopmentSignIn
{
    public static IServiceCollection AddDevelopmentSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        return services;
    }

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
