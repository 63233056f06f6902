// Reqio.Sdk build: `dotnet tool restore && dotnet cake --target=<Task>`.
//   Clean      removes artifacts/ and every bin/ and obj/.
//   Build      Release build of the whole solution (library, tests and benchmarks). Warnings are errors everywhere
//              through Directory.Build.props.
//   Test       the test runs this machine can do (the list below: each run says what it needs), and what they stand
//              on: the whole solution built first, so nothing the tests do not run (the benchmarks) can rot unseen; on
//              Linux, what the runs need and the machine lacks installed with apt-get (as root, or with sudo where it
//              asks no password); the performance review's smoke run; the guide's Azure Functions example built as a
//              function app; the jose verifier installed (npm ci); both packages packed and a consumer app published
//              against Reqio.Sdk's (the Package tests use it, and the Recipes tests paste the guide's recipes into
//              fresh projects built against both, in one run only). Prints every run it skips with the reason, a line
//              per run ("net8.0 on .NET 10.0.12: N passed, N failed") and the total
//              ("N passed, N failed"), and writes them to artifacts/test-results/summary.txt with each run's TRX file.
//              A run in which no test passed fails. When REQIO_EXPECTED_RUNS names the runs (CI does), any other set
//              of runs fails the task.
//   Plan       prints the test plan for a machine: `--os=linux|windows|macos --arch=x64|arm64 --distro=debian-12`
//              (each may be a comma list; the machine's own when left out); `--plan-json=<file>` writes it as JSON.
//   Pack       packs Reqio.Sdk and Reqio.Sdk.AspNetCore into artifacts/packages/ (each .nupkg and its .snupkg symbols;
//              package validation).
//   CheckReleaseVersion  fails unless `--tag` (or GITHUB_REF_NAME) is `v` and the version in Directory.Build.props.
//   Benchmark  the main job: the paired rounds (every ratio and stage, interleaved in one process) around every
//              BenchmarkDotNet benchmark (a quick job; `--full` for BenchmarkDotNet's default job), then the first-token
//              apps published (JIT and native AOT) and run in alternating rounds, then a token endpoint under load
//              (Kestrel on loopback, paired rounds against JsonWebTokenHandler's and a constant endpoint); writes
//              BenchmarkDotNet's tables and the performance review (perf-review.md, .json, .svg) to artifacts/benchmarks/.
//   Default    Test.

using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");
var solution = "./Reqio.Sdk.slnx";
var library = "./Reqio.Sdk/Reqio.Sdk.csproj";
var companion = "./Reqio.Sdk.AspNetCore/Reqio.Sdk.AspNetCore.csproj";
var tests = "./Reqio.Sdk.Tests/Reqio.Sdk.Tests.csproj";
var companionTests = "./Reqio.Sdk.Tests/Reqio.Sdk.AspNetCore.Tests/Reqio.Sdk.AspNetCore.Tests.csproj";
var consumer = "./Reqio.Sdk.Tests/Consumer/Reqio.Sdk.Consumer.csproj";
var consumerOutput = artifacts.Combine("consumer");
var functionsExample = "./Reqio.Sdk.Tests/FunctionsExample/Reqio.Sdk.FunctionsExample.csproj";
var benchmarks = "./Reqio.Sdk.Benchmarks/Reqio.Sdk.Benchmarks.csproj";
var benchmarkResults = artifacts.Combine("benchmarks");

// ---------------------------------------------------------------------------------------------------------------
// What a machine is, and what it can do.

/// <summary>A machine: its operating system (linux, windows, macos), processor (x64, arm64), and on Linux its
/// distribution as /etc/os-release names it ("debian-12", "ubuntu-24.04"; empty elsewhere).</summary>
record Platform(string Os, string Arch, string Distro)
{
    public bool Linux => Os == "linux";
    public bool Windows => Os == "windows";
    public bool LinuxX64 => Linux && Arch == "x64";
    public bool Debian => Distro.StartsWith("debian-", StringComparison.Ordinal);
    public bool Ubuntu => Distro.StartsWith("ubuntu-", StringComparison.Ordinal);
    /// <summary>The .NET runtime identifier: linux-x64, win-x64, osx-arm64…</summary>
    public string Rid => $"{(Windows ? "win" : Os == "macos" ? "osx" : "linux")}-{Arch}";
    public override string ToString() => Linux && Distro.Length > 0 ? $"{Os}-{Arch} ({Distro})" : $"{Os}-{Arch}";
}

/// <summary>
/// Something besides the .NET SDK that a run, a test category or a step needs: how to find it, and on Linux the apt
/// packages that provide it, by distribution (null where this build does not know how to install it there).
/// </summary>
record Tool(string Name, string Purpose, Func<bool> Present, Func<Platform, string[]> AptPackages, Func<Platform, bool> On = null)
{
    /// <summary>Whether a platform needs this tool at all (every platform, unless the tool says where).</summary>
    public bool NeededOn(Platform p) => On is null || On(p);
}

/// <summary>
/// A need: a condition on the platform (with the reason when it fails) and the tools it takes. A run, a test category
/// or a step is planned on a platform whose condition holds, and done there when its tools are present.
/// </summary>
record Needs(Func<Platform, bool> Holds, string Otherwise, params Tool[] Tools)
{
    public static readonly Needs Anywhere = new(_ => true, "");
    public Needs With(params Tool[] tools) => this with { Tools = Tools.Concat(tools).ToArray() };
}

/// <summary>
/// A test run: the library build under test and the framework of the test assembly (which picks the runtime), the
/// test categories it runs when their needs are met (any other category is left out of it), and its own needs.
/// An emulated run is published for linux-arm64 and started under QEMU instead of `dotnet test`. A run with
/// `Companion` also runs Reqio.Sdk.AspNetCore's tests on its framework (ASP.NET Core runs on .NET 8 and 10, not on
/// Mono, and emulated ARM64 adds nothing to it); their counts join the run's.
/// </summary>
record TestRun(string Name, string Build, string Framework, string Purpose, Needs Needs, string[] Categories, bool Emulated = false, bool Companion = false);

/// <summary>An NUnit category of tests that need more than the .NET SDK (Reqio.Sdk.Tests/Support/Needs.cs).</summary>
record TestCategory(string Name, string Purpose, Needs Needs);

bool OnPath(string tool) => Context.Tools.Resolve(tool) is not null
    || (IsRunningOnWindows() && (Context.Tools.Resolve(tool + ".exe") is not null || Context.Tools.Resolve(tool + ".cmd") is not null));
bool AnyFile(string pattern) => GetFiles(pattern).Count > 0;

// Debian 12's names; other distributions and releases name some of them differently or keep them elsewhere.
string[] Apt(Platform p, params string[] names) => p.Debian || p.Ubuntu ? names : null;

var node = new Tool("node", "Node.js and npm, for the jose verifier", () => OnPath("node") && OnPath("npm"),
    p => Apt(p, "nodejs", "npm"));
var chromium = new Tool("chromium", "a Chromium at /usr/bin/chromium, for the widget in a real browser",
    () => FileExists("/usr/bin/chromium"),
    // Ubuntu ships Chromium as a snap, not an apt package.
    p => p.Debian ? new[] { "chromium" } : null);
var nativeToolchain = new Tool("a C toolchain and zlib headers", "native AOT on Linux",
    () => (OnPath("clang") || OnPath("gcc")) && FileExists("/usr/include/zlib.h"), p => Apt(p, "clang", "zlib1g-dev"));
var mono = new Tool("mono and sn", "Mono, to run .NET Framework 4.8 builds and check strong-name signatures",
    () => OnPath("mono") && OnPath("sn"), p => Apt(p, "mono-complete"));
var qemu = new Tool("qemu-aarch64-static", "QEMU's user-mode Arm64 emulator", () => OnPath("qemu-aarch64-static"),
    p => Apt(p, "qemu-user-static"));
var arm64Libraries = new Tool("the Arm64 C, C++, OpenSSL, ICU and zlib libraries", "what .NET loads on linux-arm64",
    () => FileExists("/lib/ld-linux-aarch64.so.1")
        && FileExists("/lib/aarch64-linux-gnu/libgcc_s.so.1")
        && FileExists("/usr/lib/aarch64-linux-gnu/libstdc++.so.6")
        && FileExists("/usr/lib/aarch64-linux-gnu/libssl.so.3")
        && AnyFile("/usr/lib/aarch64-linux-gnu/libicuuc.so.*")   // without ICU the runtime stops at its first resource string
        && (FileExists("/lib/aarch64-linux-gnu/libz.so.1") || FileExists("/usr/lib/aarch64-linux-gnu/libz.so.1")),
    p => p.Distro == "debian-12"
        ? new[] { "libc6:arm64", "libgcc-s1:arm64", "libstdc++6:arm64", "libssl3:arm64", "libicu72:arm64", "zlib1g:arm64" }
        : null);

var onLinuxX64 = new Needs(p => p.LinuxX64, "needs Linux x64");

// The test categories that need more than the .NET SDK (Reqio.Sdk.Tests/Support/Needs.cs), the build's own tests
// (BuildScript.Category) and the recipes (RecipeTests.Category). Every other test runs in every run.
var categories = new[]
{
    new TestCategory("Node", "jose verifies the tokens", Needs.Anywhere.With(node)),
    new TestCategory("Chromium", "the widget in a real browser",
        new Needs(p => p.Linux && p.Debian, "needs Debian (the test starts /usr/bin/chromium, Debian's package; Ubuntu ships Chromium as a snap)", chromium)),
    new TestCategory("Package", "the packed package and its consumer apps (IL, native AOT, .NET Framework on Mono)",
        new Needs(p => p.LinuxX64, "needs Linux x64 (the native consumer is checked as an ELF binary; Mono runs the .NET Framework one)",
            mono, nativeToolchain, node)),
    new TestCategory("Repository", "the workflows, dependabot.yml and the release check, held against build.cake",
        Needs.Anywhere),
    new TestCategory("Recipes", "the guide's recipes pasted into fresh projects, built and run against the packed package",
        Needs.Anywhere),
};
string[] allCategories = categories.Select(c => c.Name).ToArray();

// The test runs: every library build on .NET 10; the netstandard2.0 build again on .NET Framework 4.8; the net8.0 build
// again on .NET 8 (self-contained on NuGet's .NET 8 runtime pack, so no .NET 8 install is needed); and the net8.0 build
// as a linux-arm64 test executable under QEMU. The build's own tests (Repository) check files, and the recipes
// (Recipes) the packed package, not a library build: they run once, in the net8.0 build's run on .NET 10.
var testRuns = new[]
{
    new TestRun("netstandard2.0-on-net10.0", "netstandard2.0", "net10.0", "the netstandard2.0 build on .NET 10",
        Needs.Anywhere, new[] { "Node", "Chromium", "Package" }),
    new TestRun("netstandard2.1-on-net10.0", "netstandard2.1", "net10.0", "the netstandard2.1 build on .NET 10",
        Needs.Anywhere, new[] { "Node", "Chromium", "Package" }),
    new TestRun("net8.0-on-net10.0", "net8.0", "net10.0", "the net8.0 build on .NET 10, and Reqio.Sdk.AspNetCore on .NET 10",
        Needs.Anywhere, allCategories, Companion: true),
    new TestRun("netstandard2.0-on-net48", "netstandard2.0", "net48",
        "the netstandard2.0 build on .NET Framework 4.8 (its own CLR on Windows, Mono on Linux x64)",
        new Needs(p => p.Windows || p.LinuxX64, "needs Windows (.NET Framework) or Linux x64 (Mono)",
            // On Windows, .NET Framework itself runs it.
            new Tool("mono", "Mono, to run .NET Framework 4.8 builds", () => OnPath("mono"), p => Apt(p, "mono-complete"), p => p.Linux)),
        new[] { "Node", "Chromium", "Package" }),
    new TestRun("net8.0-on-net8.0", "net8.0", "net8.0", "the net8.0 build on .NET 8, and Reqio.Sdk.AspNetCore on .NET 8",
        Needs.Anywhere, new[] { "Node", "Chromium", "Package" }, Companion: true),
    // The browser and the package tests look for x64 artifacts and a browser, and stay out.
    new TestRun("net8.0-on-net10.0-linux-arm64", "net8.0", "net10.0",
        "the net8.0 build on .NET 10 for linux-arm64, emulated by QEMU (on an Arm64 machine the net8.0 runs are native)",
        new Needs(p => p.LinuxX64 && p.Debian,
            "needs Linux x64 on Debian (its Arm64 libraries install from Debian's own archive; Ubuntu keeps them in a separate archive this build does not set up)",
            qemu, arm64Libraries),
        new[] { "Node" }, Emulated: true),
};

// The steps the runs stand on, with their own needs. The first-token apps publish native AOT for linux-x64.
var benchmarkSmokeNeeds = new Needs(p => p.LinuxX64, "needs Linux x64 (the first-token apps publish native AOT for linux-x64)", nativeToolchain);
var joseNeeds = Needs.Anywhere.With(node);

Platform ThisMachine()
{
    string os = IsRunningOnWindows() ? "windows" : Context.Environment.Platform.Family == PlatformFamily.OSX ? "macos" : "linux";
    string arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
    string distro = "";
    if (os == "linux" && System.IO.File.Exists("/etc/os-release"))
    {
        var release = System.IO.File.ReadAllLines("/etc/os-release")
            .Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('"'));
        distro = $"{release.GetValueOrDefault("ID", "linux")}-{release.GetValueOrDefault("VERSION_ID", "")}".TrimEnd('-');
    }

    return new Platform(os, arch, distro);
}

var here = ThisMachine();

/// <summary>What a platform would do: each run planned or not with the reason, and the categories each leaves out.</summary>
record Plan(Platform Platform, TestRun[] Runs, (TestRun Run, string Reason)[] NotHere, (TestCategory Category, string Reason)[] CategoriesNotHere);

Plan PlanFor(Platform p) => new(
    p,
    testRuns.Where(r => r.Needs.Holds(p)).ToArray(),
    testRuns.Where(r => !r.Needs.Holds(p)).Select(r => (r, r.Needs.Otherwise)).ToArray(),
    categories.Where(c => !c.Needs.Holds(p)).Select(c => (c, c.Needs.Otherwise)).ToArray());

var plan = PlanFor(here);

// What this machine lacks of what its plan needs, said once per tool.
string Missing(Needs needs)
{
    var missing = needs.Tools.Where(t => t.NeededOn(here) && !t.Present()).ToList();
    if (missing.Count == 0)
    {
        return null;
    }

    return "needs " + string.Join(" and ", missing.Select(t =>
    {
        string[] apt = t.AptPackages(here);
        return here.Linux && apt is not null
            ? $"{t.Name} ({t.Purpose}; apt-get install {string.Join(" ", apt)})"
            : $"{t.Name} ({t.Purpose})";
    }));
}

// What this machine does not do, with the reason: `not planned` (a run this platform cannot do), `skipped` (a run
// this platform could do but this machine lacks a tool for), `left out` (a test category or a step this platform
// cannot do), `missing` (a test category or a step this platform could do but this machine lacks a tool for: CI,
// which installs every tool, fails on it).
var skipped = new List<(string Kind, string What, string Reason)>();
void Skip(string kind, string what, string reason)
{
    skipped.Add((kind, what, reason));
    Warning($"{kind}: {what}: {reason}");
}

string Json(Plan p) => JsonSerializer.Serialize(new
{
    platform = p.Platform.ToString(),
    os = p.Platform.Os,
    arch = p.Platform.Arch,
    distro = p.Platform.Distro,
    runs = p.Runs.Select(r => new
    {
        name = r.Name,
        build = r.Build,
        framework = r.Framework,
        purpose = r.Purpose,
        tools = r.Needs.Tools.Where(t => t.NeededOn(p.Platform)).Select(t => t.Name).ToArray(),
        categories = r.Categories.Where(c => p.CategoriesNotHere.All(n => n.Category.Name != c)).ToArray(),
    }).ToArray(),
    skipped = p.NotHere.Select(n => new { name = n.Run.Name, reason = n.Reason }).ToArray(),
    categoriesLeftOut = p.CategoriesNotHere.Select(n => new { name = n.Category.Name, reason = n.Reason }).ToArray(),
}, new JsonSerializerOptions { WriteIndented = true });

void Print(Plan p)
{
    Information($"Test plan for {p.Platform}:");
    foreach (var run in p.Runs)
    {
        var needed = run.Needs.Tools.Where(t => t.NeededOn(p.Platform)).Select(t => t.Name).ToList();
        string tools = needed.Count == 0 ? "" : $" [needs {string.Join(", ", needed)}]";
        Information($"  run   {run.Name}: {run.Purpose}{tools}");
    }

    foreach (var (run, reason) in p.NotHere)
    {
        Information($"  skip  {run.Name}: {reason}");
    }

    foreach (var (category, reason) in p.CategoriesNotHere)
    {
        Information($"  leave out the {category.Name} tests ({category.Purpose}): {reason}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks.

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./**/bin");
    CleanDirectories("./**/obj");
    CleanDirectory(artifacts);
});

Task("Plan")
    .Description("Prints the test plan for a machine (--os, --arch, --distro; this one by default), and --plan-json=<file> writes it.")
    .Does(() =>
{
    string[] List(string name, string fallback) => Argument(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var plans = (
        from os in List("os", here.Os)
        from arch in List("arch", here.Arch)
        from distro in os == "linux" ? List("distro", here.Linux ? here.Distro : "debian-12") : new[] { "" }
        select PlanFor(new Platform(os, arch, distro))).ToList();
    foreach (var p in plans)
    {
        if (!new[] { "linux", "windows", "macos" }.Contains(p.Platform.Os) || !new[] { "x64", "arm64" }.Contains(p.Platform.Arch))
        {
            throw new CakeException($"--os must be linux, windows or macos and --arch x64 or arm64; {p.Platform} is neither.");
        }

        Print(p);
    }

    string json = Argument("plan-json", "");
    if (json.Length > 0)
    {
        System.IO.File.WriteAllText(json, "[" + string.Join(",", plans.Select(Json)) + "]");
    }
});

Task("__InstallPrerequisites")
    .Description("On Linux, installs with apt-get what this machine's plan needs and it lacks, when it may; else says what.")
    .Does(() =>
{
    Print(plan);
    var needed = plan.Runs.Select(r => r.Needs)
        .Concat(categories.Where(c => c.Needs.Holds(here)).Select(c => c.Needs))
        .Append(benchmarkSmokeNeeds.Holds(here) ? benchmarkSmokeNeeds : Needs.Anywhere)
        .SelectMany(n => n.Tools).Distinct().Where(t => t.NeededOn(here) && !t.Present()).ToList();
    if (needed.Count == 0)
    {
        return;
    }

    var installable = needed.Where(t => t.AptPackages(here) is not null).ToList();
    foreach (var tool in needed.Except(installable))
    {
        Warning($"{tool.Name} ({tool.Purpose}) is missing, and this build does not know how to install it on {here}.");
    }

    if (!here.Linux || installable.Count == 0 || !OnPath("apt-get"))
    {
        return;
    }

    string packages = string.Join(" ", installable.SelectMany(t => t.AptPackages(here)).Distinct());
    bool root = StartProcess("id", new ProcessSettings { Arguments = "-u", RedirectStandardOutput = true }, out IEnumerable<string> uid) == 0
        && uid.FirstOrDefault()?.Trim() == "0";
    // sudo without a password (GitHub's runners allow it); -n fails at once where it would ask.
    bool sudo = !root && OnPath("sudo") && StartProcess("sudo", new ProcessSettings { Arguments = "-n true", Silent = true }) == 0;
    if (!root && !sudo)
    {
        Warning($"Not installing {packages}: that needs root or sudo without a password. The runs that need them are skipped; "
            + $"to run them, install them (sudo apt-get install -y {packages}) and run again.");
        return;
    }

    int Root(string program, string arguments) => StartProcess(root ? program : "sudo", new ProcessSettings
    {
        Arguments = root ? arguments : $"-n env DEBIAN_FRONTEND=noninteractive {program} {arguments}",
        EnvironmentVariables = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" },
    });

    Information($"Installing {packages}");
    if (packages.Contains(":arm64"))
    {
        // Debian's Arm64 libraries install beside the machine's own once dpkg knows the architecture.
        if (Root("dpkg", "--add-architecture arm64") != 0)
        {
            throw new CakeException("dpkg could not add the arm64 architecture.");
        }
    }

    if (Root("apt-get", "update -qq") != 0 || Root("apt-get", $"install -y -qq {packages}") != 0)
    {
        throw new CakeException($"apt-get could not install {packages}.");
    }

    foreach (var tool in installable.Where(t => !t.Present()))
    {
        throw new CakeException($"apt-get installed {packages}, yet {tool.Name} is still missing.");
    }
});

Task("__InstallJose")
    .Description("Installs jose for the Node verifier from the committed lock file.")
    .Does(() =>
{
    if (Missing(joseNeeds) is string reason)
    {
        Skip("missing", "the jose verifier's install (npm ci)", reason);
        return;
    }

    var exitCode = StartProcess(IsRunningOnWindows() ? "npm.cmd" : "npm", new ProcessSettings
    {
        Arguments = "ci --no-audit --no-fund",
        WorkingDirectory = "./Reqio.Sdk.Tests/jose-verifier",
    });
    if (exitCode != 0)
    {
        throw new CakeException($"npm ci failed with exit code {exitCode}; the jose tests need node and npm.");
    }
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

bool PackageTestsHere() => categories.Single(c => c.Name == "Package") is var package
    && package.Needs.Holds(here) && Missing(package.Needs) is null;

Task("__PublishConsumer")
    .Description("Publishes the consumer app against the freshly packed package: for .NET 10 as IL and as native AOT for this machine, and for .NET Framework 4.8.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    if (!PackageTestsHere())
    {
        Skip("left out", "the consumer app's publish", "only the Package tests use it, and they are left out here (see the plan)");
        return;
    }

    // Its package folder goes too, so the restore takes the package just packed, never an older copy of the version.
    CleanDirectory(consumerOutput);
    foreach (var (name, framework, aot) in new[] { ("jit", "net10.0", false), ("aot", "net10.0", true), ("netfx", "net48", false) })
    {
        var msbuild = new DotNetMSBuildSettings()
            .AddFileLogger(new MSBuildFileLoggerSettings
            {
                LogFile = consumerOutput.CombineWithFilePath($"{name}-publish.log").FullPath,
                Verbosity = DotNetVerbosity.Normal,
            });
        if (aot)
        {
            msbuild = msbuild.WithProperty("NativeAot", "true");
        }

        DotNetPublish(consumer, new DotNetPublishSettings
        {
            Configuration = configuration,
            Framework = framework,
            Runtime = aot ? here.Rid : null,
            SelfContained = name == "jit" ? false : (bool?)null,
            OutputDirectory = consumerOutput.Combine(name),
            MSBuildSettings = msbuild,
        });
    }
});

Task("__BenchmarkSmoke")
    .Description("The whole performance review in seconds: every benchmark once, every first-token app published and run once, the token endpoint app started and one response per endpoint checked, the reports written and read back.")
    .IsDependentOn("Build")
    .IsDependentOn("__InstallPrerequisites")
    .Does(() =>
{
    if (!benchmarkSmokeNeeds.Holds(here) || Missing(benchmarkSmokeNeeds) is not null)
    {
        Skip(benchmarkSmokeNeeds.Holds(here) ? "missing" : "left out", "the performance review's smoke run",
            benchmarkSmokeNeeds.Holds(here) ? Missing(benchmarkSmokeNeeds) : benchmarkSmokeNeeds.Otherwise);
        return;
    }

    var arguments = new ProcessArgumentBuilder().Append("--smoke").AppendQuoted(artifacts.Combine("benchmark-smoke").FullPath);
    DotNetRun(benchmarks, arguments, new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

Task("__BuildFunctionsExample")
    .Description("Builds the README's Azure Functions example as a function app.")
    .Does(() =>
{
    DotNetBuild(functionsExample, new DotNetBuildSettings { Configuration = configuration });
});

/// <summary>What one run did: its label (as the test process saw its runtime) and its counts, or why it has none.</summary>
record RunResult(TestRun Run, string Label, int Passed, int Failed, string Error);

RunResult DotNetTestRun(TestRun run, string filter)
{
    var label = testResults.CombineWithFilePath($"{run.Name}.label");
    // AllCategories: without it, a run with no filter would get the quick loop's (Reqio.Sdk.Tests.csproj).
    var (passed, failed, error) = DotNetTestProject(tests, run.Name, filter, label,
        new DotNetMSBuildSettings().WithProperty("SdkTarget", run.Build).WithProperty("TestFramework", run.Framework)
            .WithProperty("AllCategories", "true"));
    if (run.Companion)
    {
        // The AOT publish builds a net10.0 app whatever runtime the tests run on: once, in the .NET 10 run, is enough.
        string companionFilter = run.Framework == "net10.0" ? filter : string.Join("&", new[] { filter, "TestCategory!=Package" }.Where(f => !string.IsNullOrEmpty(f)));
        var (companionPassed, companionFailed, companionError) = DotNetTestProject(companionTests, $"{run.Name}-aspnetcore", companionFilter, null,
            new DotNetMSBuildSettings().WithProperty("TestFramework", run.Framework).WithProperty("AllCategories", "true"));
        passed += companionPassed;
        failed += companionFailed;
        error = error is null ? companionError : companionError is null ? error : $"{error}; {companionError}";
    }

    return new RunResult(run, FileExists(label) ? System.IO.File.ReadAllText(label.FullPath) : run.Name, passed, failed, error);
}

/// <summary>Runs one test project into `{name}.trx`; its counts, or why it has none.</summary>
(int Passed, int Failed, string Error) DotNetTestProject(string project, string name, string filter, FilePath label, DotNetMSBuildSettings msbuild)
{
    var trx = testResults.CombineWithFilePath($"{name}.trx");
    string error = null;
    try
    {
        var settings = new DotNetTestSettings
        {
            Configuration = configuration,
            Filter = filter,
            Loggers = { $"trx;LogFileName={name}.trx", "console;verbosity=minimal" },
            ResultsDirectory = testResults,
            MSBuildSettings = msbuild,
        };
        if (label is not null)
        {
            settings.EnvironmentVariables["REQIO_TEST_RUN_LABEL"] = label.FullPath;
        }

        DotNetTest(project, settings);
    }
    catch (Exception e)
    {
        // Keep going, so every run's results are reported; the task fails at the end.
        error = e.Message;
    }

    if (!FileExists(trx))
    {
        return (0, 0, error ?? $"{name}: no results were written");
    }

    var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
    int Count(string counter) => int.Parse(counters.Attribute(counter)?.Value ?? "0");
    return (Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"), error);
}

RunResult EmulatedRun(TestRun run, string filter)
{
    var label = testResults.CombineWithFilePath($"{run.Name}.label");
    var arm64Tests = artifacts.Combine("arm64-tests");
    var lines = new List<string>();
    string error = null;
    try
    {
        DotNetPublish(tests, new DotNetPublishSettings
        {
            Configuration = configuration,
            OutputDirectory = arm64Tests,
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("SdkTarget", run.Build)
                .WithProperty("TestFramework", run.Framework)
                .WithProperty("TestArch", "arm64"),
        });
        var arguments = new ProcessArgumentBuilder()
            .AppendQuoted(arm64Tests.CombineWithFilePath("Reqio.Sdk.Tests").FullPath)
            .Append("--results-directory").AppendQuoted(testResults.Combine(run.Name).FullPath)
            .Append("--filter").AppendQuoted(filter);
        int exitCode = StartProcess("qemu-aarch64-static", new ProcessSettings
        {
            Arguments = arguments,
            RedirectStandardOutput = true,
            EnvironmentVariables = new Dictionary<string, string>
            {
                // No binfmt_misc on every machine: the emulator is started by name, and .NET's W^X mapping does not survive it.
                ["DOTNET_EnableWriteXorExecute"] = "0",
                ["REQIO_TEST_EMULATOR"] = "qemu-aarch64-static",
                ["REQIO_TEST_RUN_LABEL"] = label.FullPath,
            },
        }, out IEnumerable<string> output);
        lines = output.ToList();
        foreach (string line in lines)
        {
            Information(line);
        }

        if (exitCode != 0)
        {
            error = $"the emulated test run exited with {exitCode}";
        }
    }
    catch (Exception e)
    {
        error = e.Message;
    }

    // NUnit's runner ends with a coloured summary: "total: …", "failed: …", "succeeded: …".
    var plain = lines.Select(l => Regex.Replace(l, @"\x1b\[[0-9;]*m", "")).ToList();
    int? Last(string name) => plain.Select(l => Regex.Match(l, $@"^\s*{name}:\s*(\d+)")).Where(m => m.Success)
        .Select(m => (int?)int.Parse(m.Groups[1].Value)).LastOrDefault();
    int? passed = Last("succeeded");
    if (passed is null)
    {
        return new RunResult(run, run.Name, 0, 0, error ?? "the runner printed no summary");
    }

    return new RunResult(run, FileExists(label) ? System.IO.File.ReadAllText(label.FullPath) : run.Name,
        passed.Value, Last("failed") ?? 0, error);
}

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("__InstallPrerequisites")
    .IsDependentOn("__BenchmarkSmoke")
    .IsDependentOn("__BuildFunctionsExample")
    .IsDependentOn("__InstallJose")
    .IsDependentOn("Pack")
    .IsDependentOn("__PublishConsumer")
    .Does(() =>
{
    CleanDirectory(testResults);
    foreach (var (run, reason) in plan.NotHere)
    {
        Skip("not planned", run.Name, reason);
    }

    // A category is left out of a run where its platform condition fails or its tools are missing, said once.
    var categoriesHere = new List<string>();
    foreach (var category in categories)
    {
        string reason = category.Needs.Holds(here) ? Missing(category.Needs) : category.Needs.Otherwise;
        if (reason is null)
        {
            categoriesHere.Add(category.Name);
        }
        else
        {
            Skip(category.Needs.Holds(here) ? "missing" : "left out", $"the {category.Name} tests ({category.Purpose}) in every run", reason);
        }
    }

    var results = new List<RunResult>();
    foreach (var run in plan.Runs)
    {
        if (Missing(run.Needs) is string reason)
        {
            Skip("skipped", run.Name, reason);
            continue;
        }

        string filter = string.Join("&", allCategories.Where(c => !run.Categories.Contains(c) || !categoriesHere.Contains(c))
            .Select(c => $"TestCategory!={c}"));
        Information($"Testing {run.Purpose}{(filter.Length == 0 ? "" : $" ({filter})")}");
        var result = run.Emulated ? EmulatedRun(run, filter) : DotNetTestRun(run, filter);
        if (result.Error is null && result.Passed == 0)
        {
            // A filter that matches nothing, or a runner that found no tests, is not a pass.
            result = result with { Error = "no test passed" };
        }

        if (result.Error is not null)
        {
            Error($"{run.Name}: {result.Error}");
        }

        results.Add(result);
    }

    // The summary, as CI shows it: what was not done and why, a line per run, the total. summary.txt holds the same
    // for .ci/run, a tab-separated line each: `ran`/`failed` name label passed failed; `not planned`/`skipped`/
    // `left out` what reason; `total` passed failed.
    int passed = results.Sum(r => r.Passed), failed = results.Sum(r => r.Failed);
    var summary = new List<string>();
    Information("");
    Information($"Test runs on {here}:");
    foreach (var (kind, what, reason) in skipped)
    {
        Information($"{kind}: {what}: {reason}");
        summary.Add($"{kind}\t{what}\t{reason}");
    }

    foreach (var r in results)
    {
        Information($"{r.Label}: {r.Passed} passed, {r.Failed} failed{(r.Error is null ? "" : $" ({r.Error})")}");
        summary.Add($"{(r.Error is null && r.Failed == 0 ? "ran" : "failed")}\t{r.Run.Name}\t{r.Label}\t{r.Passed}\t{r.Failed}");
    }

    Information($"{passed} passed, {failed} failed");
    summary.Add($"total\t{passed}\t{failed}");
    // "\n" on every platform: .ci/run reads it with awk, in Git Bash on Windows too.
    System.IO.File.WriteAllText(testResults.CombineWithFilePath("summary.txt").FullPath, string.Join("\n", summary) + "\n");

    var problems = results.Where(r => r.Error is not null || r.Failed > 0).Select(r => r.Run.Name).ToList();
    if (problems.Count > 0)
    {
        throw new CakeException($"Tests failed in: {string.Join(", ", problems)}");
    }

    // CI names the runs each job must do; doing fewer (a tool missing) or others fails the job.
    string expected = EnvironmentVariable("REQIO_EXPECTED_RUNS");
    if (!string.IsNullOrWhiteSpace(expected))
    {
        var want = expected.Split(new[] { ' ', ',', '\n' }, StringSplitOptions.RemoveEmptyEntries).OrderBy(n => n).ToList();
        var did = results.Select(r => r.Run.Name).OrderBy(n => n).ToList();
        if (!want.SequenceEqual(did))
        {
            throw new CakeException($"REQIO_EXPECTED_RUNS names {string.Join(", ", want)}; this machine ran {string.Join(", ", did)}.");
        }
    }

    if (results.Count == 0)
    {
        throw new CakeException("No test run could run here.");
    }
});

Task("Pack")
    .Does(() =>
{
    CleanDirectory(packages);
    // Both packages, one version, one release: the core and its ASP.NET Core companion.
    foreach (var project in new[] { library, companion })
    {
        DotNetPack(project, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages });
    }
});

Task("CheckReleaseVersion")
    .Description("Fails unless the release tag (--tag, else GITHUB_REF_NAME) is `v` and the version in Directory.Build.props.")
    .Does(() =>
{
    string tag = Argument("tag", EnvironmentVariable("GITHUB_REF_NAME") ?? "");
    var versions = XDocument.Load("./Directory.Build.props").Descendants("Version").ToList();
    if (versions.Count != 1 || versions[0].Attribute("Condition") is not null || versions[0].Parent.Attribute("Condition") is not null)
    {
        throw new CakeException("Directory.Build.props must set <Version> once, unconditionally: it is the one version of the package.");
    }

    string version = versions[0].Value.Trim();
    if (tag.Length == 0)
    {
        throw new CakeException($"No release tag: pass --tag=v{version} (GitHub sets GITHUB_REF_NAME on a tag push).");
    }

    if (tag != $"v{version}")
    {
        throw new CakeException($"The tag {tag} does not match the version in Directory.Build.props ({version}): release it as v{version}, or change the version first.");
    }

    Information($"The tag {tag} matches the version in Directory.Build.props ({version}).");
});

Task("Benchmark")
    .Does(() =>
{
    CleanDirectory(benchmarkResults);
    var arguments = new ProcessArgumentBuilder()
        .Append("--filter").AppendQuoted("*")
        .Append("--artifacts").AppendQuoted(benchmarkResults.FullPath)
        .Append("--perf-review").AppendQuoted(benchmarkResults.CombineWithFilePath("perf-review.md").FullPath);
    if (HasArgument("full"))
    {
        arguments.Append("--full");
    }

    DotNetRun(benchmarks, arguments, new DotNetRunSettings { Configuration = "Release" });
    CopyFiles(GetFiles(benchmarkResults.FullPath + "/results/*-report-github.md"), benchmarkResults);
    Information($"Reports: {benchmarkResults.FullPath}");
});

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);
