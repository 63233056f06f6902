using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.DependencyInjection;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>The README's ASP.NET Core configuration, run: the registration, the precedence it states, and Key Vault's names.</summary>
public sealed partial class ConfigurationTests
{
    private const string OtherSecret = "rq_sk_user_secrets_0123456789abcdef0123456789";

    [Test]
    public void The_README_registration_reads_the_settings_through_IConfiguration()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });

        // snippet: register-project
        builder.Services.AddSingleton(ReqioProject.FromSettings(name => builder.Configuration[name]));
        // end snippet

        using WebApplication app = builder.Build();
        ReqioProject project = app.Services.GetRequiredService<ReqioProject>();
        Assert.That(project.Audience, Is.EqualTo(Audience));
        Assert.That(app.Services.GetRequiredService<ReqioProject>(), Is.SameAs(project));
        AssertSignsWith(project, Secret);
    }

    [Test]
    public void Environment_variables_override_user_secrets_which_override_appsettings()
    {
        // In ASP.NET Core's order: appsettings (here in memory), then user-secrets (the provider's own file), then
        // environment variables; a later source wins for each name it holds.
        string secretsId = "reqio-tests-" + Guid.NewGuid().ToString("N");
        string secretsFile = PathHelper.GetSecretsPathFromSecretsId(secretsId);
        Directory.CreateDirectory(Path.GetDirectoryName(secretsFile)!);
        File.WriteAllText(secretsFile, $$"""{ "REQIO_SECRET": "{{OtherSecret}}" }""");
        try
        {
            IConfiguration Configuration() => new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["REQIO_SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_appsettings" })
                .AddUserSecrets(secretsId)
                .AddEnvironmentVariables()
                .Build();

            IConfiguration withoutEnvironment = Configuration();
            ReqioProject fromFiles = ReqioProject.FromSettings(name => withoutEnvironment[name]);
            Assert.That(fromFiles.ProjectId, Is.EqualTo("proj_appsettings"), "appsettings, where nothing overrides it");
            AssertSignsWith(fromFiles, OtherSecret);

            _environment.Set("REQIO_PROJECT_ID", "proj_environment");
            _environment.Set("REQIO_SECRET", Secret);
            IConfiguration withEnvironment = Configuration();
            ReqioProject fromEnvironment = ReqioProject.FromSettings(name => withEnvironment[name]);
            Assert.That(fromEnvironment.ProjectId, Is.EqualTo("proj_environment"));
            AssertSignsWith(fromEnvironment, Secret);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(secretsFile)!, recursive: true);
        }
    }

    [Test]
    public void Key_Vaults_dashed_names_are_read_by_the_READMEs_fallback()
    {
        // Key Vault secret names allow letters, digits and '-' only: REQIO-SECRET reaches IConfiguration as is.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["REQIO-SECRET"] = Secret, ["REQIO_PROJECT_ID"] = "proj_abc123" });

        // snippet: key-vault-names
        var reqio = ReqioProject.FromSettings(name => builder.Configuration[name] ?? builder.Configuration[name.Replace('_', '-')]);
        // end snippet

        Assert.That(reqio.Audience, Is.EqualTo(Audience));
        AssertSignsWith(reqio, Secret);
    }

    private static void AssertSignsWith(ReqioProject project, string secret)
    {
        string token = ReqioToken.Mint(new ReqioUser("config-user"), project);
        IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(secret), project.Audience, DateTimeOffset.UtcNow);
    }
}
