using System.IO;
using CliWrap;
using CliWrap.Buffered;
using System.Text.RegularExpressions;

namespace Reqio.Sdk.AspNetCore.Tests;

/// <summary>
/// A fresh <c>dotnet new webapiaot</c> app with <c>AddReqio()</c> and <c>MapReqioToken()</c> publishes as native AOT
/// with warnings as errors: the package is trimming- and AOT-clean where customers compile it. The app references the
/// package's project (so the test sees the package as built, never a cached copy of the version). Minutes long; in
/// the Package category, which the Test task runs and the quick loop leaves out.
/// </summary>
[Category("Package")]
[NonParallelizable]
public sealed class AotPublishTests
{
    [Test]
    public void A_webapiaot_app_with_AddReqio_and_MapReqioToken_publishes_native_AOT_without_a_warning()
    {
        string folder = Path.Combine(Path.GetTempPath(), "reqio-aot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            Run(folder, "new webapiaot --name AotApp --output . --framework net10.0");
            string project = Path.Combine(folder, "AotApp.csproj");
            string package = Path.Combine(Support.RepositoryRoot.Path, "Reqio.Sdk.AspNetCore", "Reqio.Sdk.AspNetCore.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace(
                "</Project>",
                // In the project file, not on the command line: there they would reach Reqio.Sdk's netstandard builds too.
                "  <PropertyGroup><RuntimeIdentifier>linux-x64</RuntimeIdentifier><TreatWarningsAsErrors>true</TreatWarningsAsErrors>"
                + "<MSBuildTreatWarningsAsErrors>true</MSBuildTreatWarningsAsErrors>"
                // The template's OpenAPI package asks for a Microsoft.OpenApi version the feed may not serve; NuGet
                // then takes the next one (NU1603): the feed's warning, not the package's.
                + "<WarningsNotAsErrors>NU1603</WarningsNotAsErrors></PropertyGroup>\n"
                + $"  <ItemGroup><ProjectReference Include=\"{package}\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
            Assert.That(File.ReadAllText(project), Does.Contain("<PublishAot>true</PublishAot>"), "the template publishes native AOT");

            string program = Path.Combine(folder, "Program.cs");
            string source = File.ReadAllText(program);
            source = source.Replace("var app = builder.Build();", "builder.Services.AddReqio();\n\nvar app = builder.Build();\napp.MapReqioToken();", StringComparison.Ordinal);
            Assert.That(source, Does.Contain("AddReqio").And.Contain("MapReqioToken"), "the template's Program.cs changed shape");
            File.WriteAllText(program, source);

            string output = Run(folder, "publish -c Release");
            Assert.That(Regex.Matches(output, @"warning (?!NU1603)[A-Z]+\d+"), Is.Empty, output);
            Assert.That(File.Exists(Path.Combine(folder, "bin", "Release", "net10.0", "linux-x64", "publish", "AotApp")), Is.True, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Run(string folder, string arguments)
    {
        BufferedCommandResult result = Cli.Wrap("dotnet").WithArguments(arguments).WithWorkingDirectory(folder)
            // The test host's own MSBuild settings must not reach the app's build.
            .WithEnvironmentVariables(e => e.Set("MSBuildSDKsPath", null).Set("MSBuildExtensionsPath", null).Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        string output = result.StandardOutput + result.StandardError;
        Assert.That(result.ExitCode, Is.Zero, $"dotnet {arguments}\n{output}");
        return output;
    }
}
