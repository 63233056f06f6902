#if !REQIO_NETFX
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Reqio.Sdk.Tests.Recipes;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Every block a user pastes works in a fresh project: each recipe of README.md and docs/ is made from its template in
/// a folder outside the repository (with a packages folder of its own), its blocks pasted as they stand, built against
/// the packed packages (Reqio.Sdk, and Reqio.Sdk.AspNetCore for the web recipes) with warnings as errors, run, and its
/// token checked with the guide's own check. Minutes, not seconds: the Test task runs this category once, in one run.
/// It takes the packages the Test task packed (artifacts/packages), or packs both itself when either is missing.
/// </summary>
[Category(Category)]
[NonParallelizable]
public sealed class RecipeTests
{
    /// <summary>The NUnit category of the recipe checks.</summary>
    public const string Category = "Recipes";

    private static readonly Lazy<IReadOnlyList<RecipePlan>> s_plans = new(() => RecipeMarkdown.Read(RepositoryRoot.Path));
    private RecipeRunner? _runner;

    public static IEnumerable<string> Recipes() => Recipe.All.Select(r => r.Name);

    [OneTimeSetUp]
    public void PackAndPrepareTheWorkFolder()
    {
        string work = Path.Combine(Path.GetTempPath(), "reqio-recipes");
        Directory.CreateDirectory(work);
        string packagesFolder = Path.Combine(work, "packages");
        var commands = new Commands(new Dictionary<string, string?>
        {
            // A packages folder of its own: nothing the user's ~/.nuget holds is used, and a re-packed version of the
            // same number is never shadowed by an older copy (Reqio.Sdk's is removed before every run).
            ["NUGET_PACKAGES"] = packagesFolder,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        });
        foreach (string id in Packages)
        {
            // A re-packed version of the same number must not be shadowed by an older copy in the packages folder.
            if (Directory.Exists(Path.Combine(packagesFolder, id.ToLowerInvariant())))
            {
                Directory.Delete(Path.Combine(packagesFolder, id.ToLowerInvariant()), recursive: true);
            }
        }

        string local = RepositoryRoot.Combine("artifacts", "packages");
        if (!Directory.Exists(local) || Packages.Any(id => Nupkgs(local, id).Length == 0))
        {
            local = Path.Combine(work, "local-packages");
            if (Directory.Exists(local))
            {
                Directory.Delete(local, recursive: true);
            }

            // The README's Install section packs both into one folder: the companion's package names the core's.
            foreach (string id in Packages)
            {
                commands.Dotnet(RepositoryRoot.Path, TimeSpan.FromMinutes(5), ["pack", RepositoryRoot.Combine(id, id + ".csproj"), "--configuration", "Release", "--output", local, "-warnaserror", "-nodeReuse:false"]);
            }
        }

        string[] versions = [.. Packages.Select(id =>
        {
            string[] found = Nupkgs(local, id);
            Assert.That(found, Has.Length.EqualTo(1), $"one {id}.*.nupkg in {local}");
            return Path.GetFileNameWithoutExtension(found[0]).Substring(id.Length + 1);
        })];
        Assert.That(versions.Distinct().ToArray(), Has.Length.EqualTo(1), "both packages have one version");
        string version = versions[0];
        File.WriteAllText(Path.Combine(work, "nuget.config"), NugetConfig(local));
        TestContext.Progress.WriteLine($"Recipe check: {string.Join(" and ", Packages)} {version} from {local}, fresh projects in {work}; tokens checked with {TokenCheck.Name}.");
        _runner = new RecipeRunner(RepositoryRoot.Combine("Reqio.Sdk.Tests", "Recipes"), work, version, commands, TestKeys.Secret, TestKeys.Audience);
    }

    /// <summary>The packages the guide installs: the core, and the ASP.NET Core companion that names it.</summary>
    private static readonly string[] Packages = ["Reqio.Sdk", "Reqio.Sdk.AspNetCore"];

    /// <summary>The package files of <paramref name="id"/> alone (Reqio.Sdk.* would match the companion too), without symbols.</summary>
    private static string[] Nupkgs(string folder, string id) =>
        [.. Directory.GetFiles(folder, id + ".*.nupkg")
            .Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal))
            .Where(p => char.IsAsciiDigit(Path.GetFileName(p)[id.Length + 1]))];

    [TestCaseSource(nameof(Recipes))]
    public async Task A_recipe_pasted_into_a_fresh_project_builds_runs_and_serves_a_token_that_verifies(string recipe)
    {
        RecipePlan plan = s_plans.Value.SingleOrDefault(p => p.Recipe.Name == recipe)
            ?? throw new AssertionException($"The guide has no `<!-- recipe-check: {recipe} … -->` marker.");

        RecipeResult result = await _runner!.RunAsync(plan).ConfigureAwait(false);

        TestContext.Progress.WriteLine($"  {recipe,-14} {plan.Recipe.TemplateText,-40} {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),5} s  {plan.Blocks.Count} block(s); {result.Proved}");
    }

    // The folder the README's Install section packs into, as the source it tells the user to add (reqio-local), for the
    // two Reqio packages alone; every other package from the machine's default source, by its key.
    private static string NugetConfig(string local) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="reqio-local" value="{System.Security.SecurityElement.Escape(local)}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="reqio-local">
              <package pattern="Reqio.Sdk" />
              <package pattern="Reqio.Sdk.AspNetCore" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}
#endif
