using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Reqio.Sdk.Recipes;
using Reqio.Sdk.Tests.Support;

// The recipe check. Usage:
//   dotnet run --project Reqio.Sdk.Tests/Recipes/RecipeCheck.csproj -- --repo . [--packages artifacts/packages]
//       [--docs FOLDER] [--work FOLDER] [--only NAME,NAME]
//   dotnet run --project Reqio.Sdk.Tests/Recipes/RecipeCheck.csproj -- --self-test
// --repo      the repository root: its Reqio.Sdk is packed (unless --packages), its README.md and every .md under docs/
//             read (unless --docs names another folder holding a README.md and docs/, such as Recipes/sample).
// --packages  a folder that already holds the packed Reqio.Sdk.*.nupkg (the Pack task's artifacts/packages).
// --work      where the fresh projects go; outside the repository. Default: reqio-recipes in the system's temp folder.
// --only      some recipes only.
// One line per recipe: its template, what it proved, its seconds; exit 1 on the first failure, with the command's output.
try
{
    Dictionary<string, string> options = Options(args);
    if (options.ContainsKey("self-test"))
    {
        return SelfTest.Run(Path.Combine(AppContext.BaseDirectory, "sample"));
    }

    string repo = Path.GetFullPath(options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo names the repository root."));
    string recipes = Path.Combine(repo, "Reqio.Sdk.Tests", "Recipes");
    string docs = Path.GetFullPath(options.GetValueOrDefault("docs") ?? repo);
    string work = Path.GetFullPath(options.GetValueOrDefault("work") ?? Path.Combine(Path.GetTempPath(), "reqio-recipes"));
    if (Inside(work, repo))
    {
        throw new ArgumentException($"--work must be outside the repository, so that its build settings do not apply: {work} is inside {repo}.");
    }

    IReadOnlyList<RecipePlan> plans = RecipeMarkdown.Read(docs);
    if (options.GetValueOrDefault("only") is string only)
    {
        string[] names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] unknown = names.Where(n => plans.All(p => p.Recipe.Name != n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"--only names recipes the documents do not have: {string.Join(", ", unknown)}.");
        }

        plans = plans.Where(p => names.Contains(p.Recipe.Name)).ToList();
    }

    if (plans.Count == 0)
    {
        throw new RecipeFailedException($"No recipe in {docs} (README.md, docs/**/*.md) has a `<!-- recipe-check: … -->` marker.");
    }

    var total = Stopwatch.StartNew();
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
    if (Directory.Exists(Path.Combine(packagesFolder, "reqio.sdk")))
    {
        Directory.Delete(Path.Combine(packagesFolder, "reqio.sdk"), recursive: true);
    }

    string local = options.GetValueOrDefault("packages") is string given ? Path.GetFullPath(given) : Pack(repo, work, commands);
    TimeSpan packed = total.Elapsed;
    string version = PackageVersion(local);
    File.WriteAllText(Path.Combine(work, "nuget.config"), NugetConfig(local));
    Console.WriteLine($"Recipe check: {plans.Count} recipe(s) from {docs}, Reqio.Sdk {version} from {local} ({(options.ContainsKey("packages") ? "packed before" : $"packed in {packed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s")}), fresh projects in {work}; tokens checked with {TokenCheck.Name}.");

    var runner = new RecipeRunner(recipes, work, version, commands, TestKeys.Secret, TestKeys.Audience);
    foreach (RecipePlan plan in plans)
    {
        RecipeResult result = await runner.RunAsync(plan).ConfigureAwait(false);
        Console.WriteLine($"  {plan.Recipe.Name,-14} {plan.Recipe.TemplateText,-40} {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),5} s  {plan.Blocks.Count} block(s); {result.Proved}");
    }

    Console.WriteLine($"All {plans.Count} recipe(s) work as pasted ({total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s in all).");
    return 0;
}
catch (Exception e) when (e is RecipeFailedException or RecipeMarkdownException or ArgumentException)
{
    Console.Error.WriteLine("Recipe check failed: " + e.Message);
    return 1;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 0; i < args.Length; i++)
    {
        string name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : throw new ArgumentException($"Unexpected argument `{args[i]}`; options start with --.");
        if (name == "self-test")
        {
            options[name] = "";
        }
        else if (name is "repo" or "packages" or "docs" or "work" or "only")
        {
            options[name] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.");
        }
        else
        {
            throw new ArgumentException($"Unknown option --{name}; the options are --repo, --packages, --docs, --work, --only and --self-test.");
        }
    }

    return options;
}

static bool Inside(string path, string folder) =>
    (path + Path.DirectorySeparatorChar).StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

static string Pack(string repo, string work, Commands commands)
{
    string local = Path.Combine(work, "local-packages");
    if (Directory.Exists(local))
    {
        Directory.Delete(local, recursive: true);
    }

    commands.Dotnet(repo, TimeSpan.FromMinutes(5), ["pack", Path.Combine(repo, "Reqio.Sdk", "Reqio.Sdk.csproj"), "--configuration", "Release", "--output", local, "-warnaserror", "-nodeReuse:false"]);
    return local;
}

static string PackageVersion(string folder)
{
    string[] packages = Directory.Exists(folder)
        ? Directory.GetFiles(folder, "Reqio.Sdk.*.nupkg").Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal)).ToArray()
        : [];
    return packages.Length == 1
        ? Path.GetFileNameWithoutExtension(packages[0])["Reqio.Sdk.".Length..]
        : throw new RecipeFailedException($"{folder} should hold one Reqio.Sdk.*.nupkg; it holds {packages.Length}.");
}

// The local folder by path for Reqio.Sdk alone; every other package from the machine's default source, by its key.
static string NugetConfig(string local) => $"""
    <?xml version="1.0" encoding="utf-8"?>
    <configuration>
      <packageSources>
        <add key="reqio-local" value="{System.Security.SecurityElement.Escape(local)}" />
      </packageSources>
      <packageSourceMapping>
        <packageSource key="reqio-local">
          <package pattern="Reqio.Sdk" />
        </packageSource>
        <packageSource key="nuget.org">
          <package pattern="*" />
        </packageSource>
      </packageSourceMapping>
    </configuration>
    """;
