// Reqio.Sdk build: `dotnet tool restore && dotnet cake --target=<Task>`.
//   Clean      removes artifacts/ and every bin/ and obj/.
//   Build      Release build of the solution, warnings as errors.
//   Test       installs the jose verifier (npm ci), packs Reqio.Sdk and publishes the consumer app against the
//              package (as IL and as a native AOT binary, warnings as errors), then runs the tests once per
//              library build (netstandard2.0, netstandard2.1, net8.0); TRX results land in artifacts/test-results/.
//   Pack       packs Reqio.Sdk into artifacts/packages/.
//   Benchmark  runs every benchmark (a quick job; `--full` for BenchmarkDotNet's default job) and writes the
//              GitHub-markdown tables and perf-review.md to artifacts/benchmarks/.
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
var sdkBuilds = new[] { "netstandard2.0", "netstandard2.1", "net8.0" };

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./**/bin");
    CleanDirectories("./**/obj");
    CleanDirectory(artifacts);
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
    foreach (var (name, aot) in new[] { ("jit", false), ("aot", true) })
    {
        var msbuild = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error }
            .AddFileLogger(new MSBuildFileLoggerSettings
            {
                LogFile = consumerOutput.CombineWithFilePath($"{name}-publish.log").FullPath,
                Verbosity = DotNetVerbosity.Normal,
            });
        if (aot)
        {
            msbuild = msbuild.WithProperty("PublishAot", "true");
        }

        DotNetPublish(consumer, new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = aot ? "linux-x64" : null,
            SelfContained = aot ? (bool?)null : false,
            OutputDirectory = consumerOutput.Combine(name),
            MSBuildSettings = msbuild,
        });
    }
});

Task("Test")
    .IsDependentOn("__InstallJose")
    .IsDependentOn("__PublishConsumer")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failed = new List<string>();
    foreach (var sdkBuild in sdkBuilds)
    {
        Information($"Testing the {sdkBuild} build of Reqio.Sdk on net10.0");
        try
        {
            DotNetTest(tests, new DotNetTestSettings
            {
                Configuration = configuration,
                Loggers = { $"trx;LogFileName={sdkBuild}.trx", "console;verbosity=minimal" },
                ResultsDirectory = testResults,
                MSBuildSettings = new DotNetMSBuildSettings { TreatAllWarningsAs = MSBuildTreatAllWarningsAs.Error }
                    .WithProperty("SdkTarget", sdkBuild),
            });
        }
        catch (Exception e)
        {
            // Keep going, so every build's results are reported; fail the task at the end.
            Error($"Tests of the {sdkBuild} build failed: {e.Message}");
            failed.Add(sdkBuild);
        }
    }

    if (failed.Count > 0)
    {
        throw new CakeException($"Tests failed for: {string.Join(", ", failed)}");
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
