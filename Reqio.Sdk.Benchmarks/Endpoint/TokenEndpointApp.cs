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
/// constant token (<see cref="TokenEndpoints"/>). Started by the review as <c>--endpoint-server</c>; it prints
/// <c>listening URL</c>, serves until its standard input closes, then stops.
/// </summary>
internal static class TokenEndpointApp
{
    public static int Serve()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
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

        app.StartAsync().GetAwaiter().GetResult();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"listening {address}");
        Console.Out.Flush();
        Console.In.ReadToEnd();
        app.StopAsync().GetAwaiter().GetResult();
        return 0;
    }
}
