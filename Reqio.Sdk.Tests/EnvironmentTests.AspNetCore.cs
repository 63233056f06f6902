using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>The README's ASP.NET Core registration, run in a real <see cref="WebApplication"/>.</summary>
public sealed partial class EnvironmentTests
{
    [Test]
    public void The_README_registration_puts_the_environments_options_in_the_container()
    {
        Environment.SetEnvironmentVariable("REQIO_SECRET", Secret);
        Environment.SetEnvironmentVariable("REQIO_PROJECT_ID", "proj_abc123");
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();

        // snippet: register-options
        builder.Services.AddSingleton(ReqioOptions.FromEnvironment());   // REQIO_SECRET, REQIO_PROJECT_ID
        // end snippet

        using WebApplication app = builder.Build();
        ReqioOptions options = app.Services.GetRequiredService<ReqioOptions>();
        Assert.That(options.Audience, Is.EqualTo(Audience));
        Assert.That(options.ProjectId, Is.EqualTo("proj_abc123"));
        Assert.That(app.Services.GetRequiredService<ReqioOptions>(), Is.SameAs(options));
    }
}
