using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// The token endpoint app: a minimal ASP.NET Core app on Kestrel, listening on 127.0.0.1 only, at a port the system
/// picks, with one endpoint per contender minting the reference user's token per request and one returning a
/// constant token; and, behind one sign-in (<see cref="ReferenceSignIn"/>), Reqio.Sdk.AspNetCore's
/// <c>MapReqioToken</c>, the single-page-app recipe's hand-written endpoint (<see cref="HandWrittenTokenEndpoint"/>)
/// and a Razor page with and without <c>&lt;reqio-widget /&gt;</c> (Endpoint/Pages) (<see cref="TokenEndpoints"/>).
/// Started by the review as <c>--endpoint-server</c>; it prints <c>listening URL</c>, serves until its standard input
/// closes, then stops.
/// </summary>
internal static class TokenEndpointApp
{
    public static int Serve()
    {
        // The sign-in is the app's one authentication scheme, and ASP.NET Core would make a lone scheme the default,
        // which the authentication middleware runs for every request: the endpoints outside the policy would then sign
        // the reference user in too. Without a default, only the policy asks the scheme, and only where it is required.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication(authentication => authentication.AddScheme<ReferenceSignIn>(ReferenceSignIn.Scheme, displayName: null));
        builder.Services.AddTransient<ReferenceSignIn>();
        builder.Services.AddAuthorization();

        // The package, with the reference project's settings in code; the recipe's app registers its ReqioProject
        // from its settings, by the same rules (ReqioProject.FromSettings), as the recipe's AddReqio does.
        builder.Services.AddReqio(reqio =>
        {
            reqio.Secret = Reference.Secret;
            reqio.Audience = Reference.Audience;
        });
        builder.Services.AddSingleton(ReqioProject.FromSettings(name => name switch
        {
            "REQIO_SECRET" => Reference.Secret,
            "REQIO_AUDIENCE" => Reference.Audience,
            _ => null,
        }));
        builder.Services.AddRazorPages(pages => pages.RootDirectory = "/Endpoint/Pages");
        WebApplication app = builder.Build();

        AppUser record = Reference.AppUser;
        ReqioProject options = Reference.Options;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Reference.Key), SecurityAlgorithms.HmacSha256);
        string constant = ReqioToken.Mint(record.ToReqioUser(), options);

        app.MapGet(TokenEndpoints.Reqio.Path, () => ReqioToken.Mint(new ReqioUser(record.Id, record.Email, ReqioTraits.Monthly(record.Plan, record.AmountCents)), options));
        app.MapGet(TokenEndpoints.JsonWebTokenHandler.Path, () => handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = PeerClaims.Build(record.Id, record.Email, record.Plan, record.AmountCents, Reference.Audience, Reference.Now(), Reference.LifetimeSeconds),
            SigningCredentials = credentials,
        }));
        app.MapGet(TokenEndpoints.Constant.Path, () => constant);

        // The same sign-in and policy in front of each: what differs is the endpoint, or the tag.
        app.MapReqioToken(TokenEndpoints.MapReqioToken.Path).RequireAuthorization(ReferenceSignIn.Policy);
        HandWrittenTokenEndpoint.Map(app, TokenEndpoints.HandWritten.Path).RequireAuthorization(ReferenceSignIn.Policy);
        app.MapRazorPages().RequireAuthorization(ReferenceSignIn.Policy);

        app.StartAsync().GetAwaiter().GetResult();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"listening {address}");
        Console.Out.Flush();
        Console.In.ReadToEnd();
        app.StopAsync().GetAwaiter().GetResult();
        return 0;
    }
}
