// Reqio.Sdk build: `dotnet tool restore && dotnet cake --target=<Task>`.
//   Clean      removes artifacts/ and every bin/ and obj/.
//   Build      Release build of the whole solution (library, tests and benchmarks), warnings as errors.
//   Test       builds the whole solution first, so nothing the tests do not run (the benchmarks) can rot unseen;
//              installs from Debian what the tests need and the machine lacks (Node.js and npm, Chromium, a C
//              toolchain and zlib headers, Mono, QEMU and Arm64 libraries); runs the performance review's smoke run (every benchmark once,
//              every first-token app published and run once, the reports written and read back); installs the jose
//              verifier (npm ci), packs Reqio.Sdk and publishes the consumer app against the package (for .NET 10 as
//              IL and as native AOT, for .NET Framework 4.8; warnings as errors); then runs the tests once per
//              library build on .NET 10, the netstandard2.0 build again on Mono (.NET Framework 4.8), the net8.0
//              build again on .NET 8, and the net8.0 build once more as a linux-arm64 test executable under QEMU; it
//              also builds the README's Azure Functions example. TRX results and each run's label ("net8.0 on
//              .NET 8.0.31") land in artifacts/test-results/.
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
var functionsExample = "./Reqio.Sdk.Tests/FunctionsExample/Reqio.Sdk.FunctionsExample.csproj";
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
    // The linux-arm64 run: QEMU's user-mode emulator and the Arm64 libraries .NET loads (ICU for its resources).
    ("qemu-user-static", () => OnPath("qemu-aarch64-static")),
    ("libc6:arm64", () => FileExists("/lib/ld-linux-aarch64.so.1")),
    ("libgcc-s1:arm64", () => FileExists("/lib/aarch64-linux-gnu/libgcc_s.so.1")),
    ("libstdc++6:arm64", () => FileExists("/usr/lib/aarch64-linux-gnu/libstdc++.so.6")),
    ("libssl3:arm64", () => FileExists("/usr/lib/aarch64-linux-gnu/libssl.so.3")),
    ("libicu72:arm64", () => FileExists("/usr/lib/aarch64-linux-gnu/libicuuc.so.72")),
    ("zlib1g:arm64", () => FileExists("/lib/aarch64-linux-gnu/libz.so.1") || FileExists("/usr/lib/aarch64-linux-gnu/libz.so.1")),
};

// The emulated run: the net8.0 build's suite as a self-contained linux-arm64 NUnit executable on .NET 10, started
// under QEMU. The browser and the package tests look for x64 artifacts and a browser, and stay out.
var arm64Run = (Build: "net8.0", Framework: "net10.0", Name: "net8.0-on-net10.0-linux-arm64");
const string arm64Filter = "TestCategory!=Chromium&TestCategory!=Package";

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
    if (missing.Any(p => p.EndsWith(":arm64")))
    {
        // Debian's Arm64 libraries install beside the machine's own once dpkg knows the architecture.
        if (StartProcess("dpkg", new ProcessSettings { Arguments = "--add-architecture arm64" }) != 0)
        {
            throw new CakeException("dpkg could not add the arm64 architecture.");
        }
    }

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

Task("__BuildFunctionsExample")
    .Description("Builds the README's Azure Functions example as a function app, its own warnings errors.")
    .Does(() =>
{
    // Not with MSBuild's -warnaserror: the Worker SDK restores a generated extensions project whose older package
    // versions are not all served here (NU1603, its warnings, not ours). The app's own are errors all the same,
    // through Directory.Build.props.
    DotNetBuild(functionsExample, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("__InstallPrerequisites")
    .IsDependentOn("__BenchmarkSmoke")
    .IsDependentOn("__BuildFunctionsExample")
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

    Information("Testing the net8.0 build of Reqio.Sdk on .NET 10 for linux-arm64, under QEMU");
    try
    {
        var arm64Tests = artifacts.Combine("arm64-tests");
        DotNetPublish(tests, new DotNetPublishSettings
        {
            Configuration = configuration,
            OutputDirectory = arm64Tests,
            MSBuildSettings = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error }
                .WithProperty("SdkTarget", arm64Run.Build)
                .WithProperty("TestFramework", arm64Run.Framework)
                .WithProperty("TestArch", "arm64"),
        });
        var arguments = new ProcessArgumentBuilder()
            .AppendQuoted(arm64Tests.CombineWithFilePath("Reqio.Sdk.Tests").FullPath)
            .Append("--results-directory").AppendQuoted(testResults.Combine(arm64Run.Name).FullPath)
            .Append("--filter").AppendQuoted(arm64Filter);
        int exitCode = StartProcess("qemu-aarch64-static", new ProcessSettings
        {
            Arguments = arguments,
            RedirectStandardOutput = true,
            EnvironmentVariables = new Dictionary<string, string>
            {
                // No binfmt_misc here: the emulator is started by name, and .NET's W^X mapping does not survive it.
                ["DOTNET_EnableWriteXorExecute"] = "0",
                ["REQIO_TEST_EMULATOR"] = "qemu-aarch64-static",
                ["REQIO_TEST_RUN_LABEL"] = testResults.CombineWithFilePath($"{arm64Run.Name}.label").FullPath,
            },
        }, out IEnumerable<string> output);

        // The runner's summary ("total: … failed: … succeeded: …") is what .ci/run counts for this run.
        var lines = output.ToList();
        foreach (string line in lines)
        {
            Information(line);
        }

        System.IO.File.WriteAllLines(testResults.CombineWithFilePath($"{arm64Run.Name}.summary").FullPath, lines);
        if (exitCode != 0)
        {
            throw new CakeException($"the emulated test run exited with {exitCode}");
        }
    }
    catch (Exception e)
    {
        Error($"Tests of the net8.0 build on linux-arm64 failed: {e.Message}");
        failed.Add(arm64Run.Name);
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
