// Reqio.Sdk build: `dotnet tool restore && dotnet cake --target=<Task>`.
//   Clean      removes artifacts/ and every bin/ and obj/.
//   Build      Release build of the whole solution (library, tests and benchmarks), warnings as errors.
//   Test       builds the whole solution first, so nothing the tests do not run (the benchmarks) can rot unseen;
//              installs from Debian what the tests need and the machine lacks (Node.js and npm, Chromium, a C
//              toolchain and zlib headers, Mono); runs the performance review's smoke run (every benchmark once,
//              every first-token app published and run once, the reports written and read back); installs the jose
//              verifier (npm ci), packs Reqio.Sdk and publishes the consumer app against the package (for .NET 10 as
//              IL and as native AOT, for .NET Framework 4.8; warnings as errors); then runs the tests once per
//              library build on .NET 10, the netstandard2.0 build again on Mono (.NET Framework 4.8) and the net8.0
//              build again on .NET 8; TRX results and each run's label ("net8.0 on .NET 8.0.31") land in
//              artifacts/test-results/.
//   Pack       packs Reqio.Sdk into artifacts/packages/.
//   Benchmark  the main job: the paired rounds (every ratio and stage, interleaved in one process) around every
//              BenchmarkDotNet benchmark (a quick job; `--full` for BenchmarkDotNet's default job), then the first-token
//              apps published (JIT and native AOT) and run in alternating rounds; writes BenchmarkDotNet's tables and the
//              performance review (perf-review.md, .json, .svg) to artifacts/benchmarks/.
//   Default    Test.

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");
var solution = "./Reqio.Sdk.slnx";
var library = "./Reqio.Sdk/Reqio.Sdk.csproj";
var tests = "./Reqio.Sdk.Tests/Reqio.Sdk.Tests.csproj";
var consumer = "./Reqio.Sdk.Tests/Consumer/Reqio.Sdk.Consumer.csproj";
var consumerOutput = artifacts.Combine("consumer");
var benchmarks = "./Reqio.Sdk.Benchmarks/Reqio.Sdk.Benchmarks.csproj";
var benchmarkResults = artifacts.Combine("benchmarks");
// Each test run: the library build under test, and the framework of the test assembly, which picks the runtime.
// net48 runs on Mono here (on .NET Framework on Windows); net8.0 runs self-contained on NuGet's .NET 8 runtime pack.
var testRuns = new[]
{
    (Build: "netstandard2.0", Framework: "net10.0"),
    (Build: "netstandard2.1", Framework: "net10.0"),
    (Build: "net8.0", Framework: "net10.0"),
    (Build: "netstandard2.0", Framework: "net48"),
    (Build: "net8.0", Framework: "net8.0"),
};

// What the Test task needs besides the .NET SDK, as Debian packages, each with the check that finds it present.
var prerequisites = new (string Package, Func<bool> Present)[]
{
    ("nodejs", () => OnPath("node")),                           // the jose verifier
    ("npm", () => OnPath("npm")),
    ("chromium", () => FileExists("/usr/bin/chromium")),        // the widget's browser test
    ("clang", () => OnPath("clang") || OnPath("gcc")),          // the native AOT consumer
    ("zlib1g-dev", () => FileExists("/usr/include/zlib.h")),
    ("mono-complete", () => OnPath("mono") && OnPath("sn")),    // the .NET Framework run, and strong-name checks
};

bool OnPath(string tool) => Context.Tools.Resolve(tool) is not null;

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./**/bin");
    CleanDirectories("./**/obj");
    CleanDirectory(artifacts);
});

Task("__InstallPrerequisites")
    .Description("Installs from Debian what the tests need and the machine lacks, or says what to install.")
    .Does(() =>
{
    var missing = prerequisites.Where(p => !p.Present()).Select(p => p.Package).ToList();
    if (missing.Count == 0)
    {
        return;
    }

    string packages = string.Join(" ", missing);
    bool canInstall = OnPath("apt-get") && StartProcess("id", new ProcessSettings
    {
        Arguments = "-u",
        RedirectStandardOutput = true,
    }, out IEnumerable<string> uid) == 0 && uid.FirstOrDefault()?.Trim() == "0";
    if (!canInstall)
    {
        throw new CakeException(
            $"The tests need Debian packages this machine lacks: {packages}. Install them (sudo apt-get install -y {packages}) and run again.");
    }

    Information($"Installing {packages}");
    int AptGet(string arguments) => StartProcess("apt-get", new ProcessSettings
    {
        Arguments = arguments,
        EnvironmentVariables = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" },
    });
    if (AptGet("update -qq") != 0 || AptGet($"install -y -qq {packages}") != 0)
    {
        throw new CakeException($"apt-get could not install {packages}.");
    }
});

Task("__InstallJose")
    .Description("Installs jose for the Node verifier from the committed lock file.")
    .Does(() =>
{
    var exitCode = StartProcess("npm", new ProcessSettings
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
    DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error },
    });
});

Task("__PublishConsumer")
    .Description("Publishes the consumer app against the freshly packed package, as IL and as native AOT.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    // Its package folder goes too, so the restore takes the package just packed, never an older copy of the version.
    CleanDirectory(consumerOutput);
    foreach (var (name, framework, aot) in new[] { ("jit", "net10.0", false), ("aot", "net10.0", true), ("netfx", "net48", false) })
    {
        var msbuild = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error }
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
            Runtime = aot ? "linux-x64" : null,
            SelfContained = name == "jit" ? false : (bool?)null,
            OutputDirectory = consumerOutput.Combine(name),
            MSBuildSettings = msbuild,
        });
    }
});

Task("__BenchmarkSmoke")
    .Description("The whole performance review in seconds: every benchmark once, every first-token app published and run once, the reports written and read back.")
    .IsDependentOn("Build")
    .IsDependentOn("__InstallPrerequisites")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder().Append("--smoke").AppendQuoted(artifacts.Combine("benchmark-smoke").FullPath);
    DotNetRun(benchmarks, arguments, new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("__InstallPrerequisites")
    .IsDependentOn("__BenchmarkSmoke")
    .IsDependentOn("__InstallJose")
    .IsDependentOn("__PublishConsumer")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failed = new List<string>();
    foreach (var (build, framework) in testRuns)
    {
        string run = $"{build}-on-{framework}";
        Information($"Testing the {build} build of Reqio.Sdk on {framework}");
        try
        {
            DotNetTest(tests, new DotNetTestSettings
            {
                Configuration = configuration,
                Loggers = { $"trx;LogFileName={run}.trx", "console;verbosity=minimal" },
                ResultsDirectory = testResults,
                EnvironmentVariables = { ["REQIO_TEST_RUN_LABEL"] = testResults.CombineWithFilePath($"{run}.label").FullPath },
                MSBuildSettings = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error }
                    .WithProperty("SdkTarget", build)
                    .WithProperty("TestFramework", framework),
            });
        }
        catch (Exception e)
        {
            // Keep going, so every run's results are reported; fail the task at the end.
            Error($"Tests of the {build} build on {framework} failed: {e.Message}");
            failed.Add(run);
        }
    }

    if (failed.Count > 0)
    {
        throw new CakeException($"Tests failed in: {string.Join(", ", failed)}");
    }
});

Task("Pack")
    .Does(() =>
{
    CleanDirectory(packages);
    DotNetPack(library, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = packages,
        MSBuildSettings = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error },
    });
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
