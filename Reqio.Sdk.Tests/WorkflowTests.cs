#if !REQIO_NETFX
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Reqio.Sdk.Tests.Support;
using YamlDotNet.Serialization;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The GitHub workflows and dependabot.yml, held against build.cake and the repository. Each CI job names the test runs
/// it must do (REQIO_EXPECTED_RUNS, which the Test task enforces on the runner); here those names must be exactly the
/// runs build.cake plans for the job's runner, so renaming a run, changing what a run needs, or dropping a job fails
/// before anything reaches GitHub.
/// </summary>
[Category(BuildScript.Category)]
public sealed class WorkflowTests
{
    /// <summary>The platforms CI covers, one job each: the reference machine's kind, and the three the package is
    /// most often deployed on besides it.</summary>
    private static readonly string[] s_ciPlatforms = ["linux-x64", "linux-arm64", "windows-x64", "macos-arm64"];

    /// <summary>GitHub's hosted runner labels the workflows use, as build.cake's --os/--arch/--distro.</summary>
    private static readonly Dictionary<string, (string Os, string Arch, string Distro)> s_runners = new()
    {
        ["ubuntu-24.04"] = ("linux", "x64", "ubuntu-24.04"),
        ["ubuntu-24.04-arm"] = ("linux", "arm64", "ubuntu-24.04"),
        ["windows-2025"] = ("windows", "x64", ""),
        ["macos-15"] = ("macos", "arm64", ""),
    };

    private static readonly Lazy<JsonArray> s_plans = new(Plans);

    [Test]
    public void Every_CI_platform_has_exactly_one_job()
    {
        var platforms = Jobs("ci.yml").Select(job => Platform(job.Value)).ToList();

        Assert.That(platforms, Is.EquivalentTo(s_ciPlatforms));
    }

    [TestCase("ci.yml")]
    [TestCase("release.yml")]
    public void Each_job_expects_exactly_the_runs_build_cake_plans_for_its_runner(string workflow)
    {
        foreach (var (name, job) in Jobs(workflow))
        {
            var (os, arch, distro) = Runner(job);
            JsonNode plan = s_plans.Value.Single(p => (string?)p!["os"] == os && (string?)p["arch"] == arch && (string?)p["distro"] == distro)!;
            var planned = plan["runs"]!.AsArray().Select(r => (string)r!["name"]!).ToList();

            Assert.That(ExpectedRuns(job), Is.EquivalentTo(planned),
                $"{workflow}, job {name} ({os}-{arch}): REQIO_EXPECTED_RUNS must name the runs `dotnet cake --target=Plan --os={os} --arch={arch}` prints");
        }
    }

    [TestCase("ci.yml")]
    [TestCase("release.yml")]
    public void Each_job_tests_with_the_CI_script(string workflow)
    {
        foreach (var (name, job) in Jobs(workflow))
        {
            Assert.That(Commands(job), Does.Contain("bash .ci/run"), $"{workflow}, job {name}");
        }
    }

    [Test]
    public void CI_runs_on_every_push_and_pull_request()
    {
        var on = Load(".github", "workflows", "ci.yml")["on"] as Dictionary<object, object>;

        Assert.That(on?.Keys, Is.EquivalentTo(new[] { "push", "pull_request" }));
    }

    [Test]
    public void A_release_starts_from_a_version_tag_and_checks_it_before_testing_packing_and_publishing()
    {
        var release = Load(".github", "workflows", "release.yml");
        var tags = (((release["on"] as Dictionary<object, object>)!["push"] as Dictionary<object, object>)!["tags"] as List<object>)!;
        Assert.That(tags, Is.EqualTo(new[] { "v*" }));

        var commands = Commands(Jobs("release.yml").Single().Value);
        int check = commands.FindIndex(c => c.Contains("--target=CheckReleaseVersion --tag=\"$GITHUB_REF_NAME\"", StringComparison.Ordinal));
        int test = commands.IndexOf("bash .ci/run");
        int pack = commands.IndexOf("dotnet cake --target=Pack");
        int push = commands.FindIndex(c => c.StartsWith("dotnet nuget push", StringComparison.Ordinal));
        int publish = commands.FindIndex(c => c.StartsWith("gh release create", StringComparison.Ordinal));
        Assert.That(new[] { check, test, pack, push, publish }, Is.All.Not.EqualTo(-1), string.Join("\n", commands));
        Assert.That(new[] { check, test, pack, push, publish }, Is.Ordered.Ascending);
        Assert.That(commands[push], Does.Contain("--api-key \"$NUGET_API_KEY\""));
        Assert.That(commands[publish], Does.Contain("artifacts/packages/*.nupkg").And.Contain("artifacts/packages/*.snupkg"));
    }

    [Test]
    public void The_release_secret_is_the_one_CONTRIBUTING_names()
    {
        string workflow = BuildScript.Read(".github", "workflows", "release.yml");

        Assert.That(workflow, Does.Contain("${{ secrets.NUGET_API_KEY }}"));
        Assert.That(BuildScript.Read("CONTRIBUTING.md"), Does.Contain("`NUGET_API_KEY`"));
    }

    [Test]
    public void Dependabot_watches_NuGet_npm_and_the_actions_where_the_repository_keeps_them()
    {
        var updates = ((List<object>)Load(".github", "dependabot.yml")["updates"])
            .Cast<Dictionary<object, object>>()
            .Select(u => (Ecosystem: (string)u["package-ecosystem"], Directory: (string)u["directory"]))
            .ToList();
        string Folder(string directory) => RepositoryRoot.Combine(directory.TrimStart('/').Split('/'));

        Assert.That(updates.Select(u => u.Ecosystem).Distinct(), Is.EquivalentTo(new[] { "nuget", "npm", "github-actions" }));
        Assert.That(updates.Select(u => u.Directory), Is.All.StartsWith("/"));
        foreach (var (ecosystem, directory) in updates)
        {
            Assert.That(Directory.Exists(Folder(directory)), Is.True, $"{ecosystem}: {directory} exists");
        }

        // NuGet: the one file holding every version. npm: every package.json of the repository, each with its lock file.
        Assert.That(updates.Where(u => u.Ecosystem == "nuget").Select(u => File.Exists(Path.Combine(Folder(u.Directory), "Directory.Packages.props"))),
            Is.EqualTo(new[] { true }));
        var npmFolders = updates.Where(u => u.Ecosystem == "npm").Select(u => Path.GetFullPath(Folder(u.Directory))).ToList();
        Assert.That(npmFolders.Select(f => File.Exists(Path.Combine(f, "package-lock.json"))), Is.All.True);
        var packageJsons = Directory.EnumerateFiles(RepositoryRoot.Path, "package.json", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "bin" or "obj" or "artifacts" or ".git"))
            .Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!);
        Assert.That(npmFolders, Is.EquivalentTo(packageJsons));
        Assert.That(updates.Where(u => u.Ecosystem == "github-actions").Select(u => u.Directory), Is.EqualTo(new[] { "/" }));
        Assert.That(Directory.EnumerateFiles(RepositoryRoot.Combine(".github", "workflows"), "*.yml"), Is.Not.Empty);
    }

    private static JsonArray Plans()
    {
        string file = Path.Combine(Path.GetTempPath(), $"reqio-plan-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = BuildScript.Run(
                $"--target=Plan --os=linux,windows,macos --arch=x64,arm64 --distro=ubuntu-24.04 --plan-json=\"{file}\"");
            Assert.That(exitCode, Is.Zero, output);
            return JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<object, object> Load(params string[] parts) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(BuildScript.Read(parts));

    private static IEnumerable<KeyValuePair<string, Dictionary<object, object>>> Jobs(string workflow) =>
        ((Dictionary<object, object>)Load(".github", "workflows", workflow)["jobs"])
            .Select(j => new KeyValuePair<string, Dictionary<object, object>>((string)j.Key, (Dictionary<object, object>)j.Value));

    private static (string Os, string Arch, string Distro) Runner(Dictionary<object, object> job)
    {
        string label = (string)job["runs-on"];
        Assert.That(s_runners.ContainsKey(label), Is.True, $"runs-on: {label} is a runner this test knows (add it to s_runners)");
        return s_runners[label];
    }

    private static string Platform(Dictionary<object, object> job) => Runner(job) is var (os, arch, _) ? $"{os}-{arch}" : "";

    private static List<string> ExpectedRuns(Dictionary<object, object> job)
    {
        var env = job.TryGetValue("env", out object? value) ? (Dictionary<object, object>)value : [];
        Assert.That(env.ContainsKey("REQIO_EXPECTED_RUNS"), Is.True, "the job names its runs in REQIO_EXPECTED_RUNS");
        return ((string)env["REQIO_EXPECTED_RUNS"]).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static List<string> Commands(Dictionary<object, object> job) =>
        ((List<object>)job["steps"]).Cast<Dictionary<object, object>>()
            .Where(step => step.ContainsKey("run"))
            .Select(step => ((string)step["run"]).Trim())
            .ToList();
}
#endif
