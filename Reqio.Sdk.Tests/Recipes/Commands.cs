using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>
/// Runs the commands a newcomer types (<c>dotnet new</c>, <c>dotnet add package</c>, <c>dotnet build</c>, <c>dotnet
/// run</c>) with the environment of the check: its own packages folder, the test vectors' secret, and nothing of the
/// build that started the check (MSBuild's variables would send the child builds to the repository's SDK state).
/// </summary>
internal sealed class Commands(IReadOnlyDictionary<string, string?> environment)
{
    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="folder"/>; throws with its output unless it exits 0.</summary>
    public string Dotnet(string folder, TimeSpan timeout, params string[] arguments) =>
        Run(folder, timeout, null, arguments).Output;

    /// <summary>Runs <c>dotnet</c>; returns the exit code and the output (standard output and error, interleaved as they came).</summary>
    public (int ExitCode, string Output) Run(string folder, TimeSpan timeout, IReadOnlyDictionary<string, string?>? extra, string[] arguments, bool throwOnFailure = true)
    {
        using Process process = Start(folder, extra, arguments);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new RecipeFailedException($"`{Text(arguments)}` in {folder} did not finish within {timeout.TotalSeconds:0} s; it printed:{System.Environment.NewLine}{Snapshot(output)}");
        }

        process.WaitForExit();   // drains the asynchronous readers
        string printed = Snapshot(output);
        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new RecipeFailedException($"`{Text(arguments)}` in {folder} exited with {process.ExitCode}; it printed:{System.Environment.NewLine}{printed}");
        }

        return (process.ExitCode, printed);
    }

    /// <summary>Starts a long-running <c>dotnet</c> command (a web app); the caller stops it with <see cref="Stop"/>.</summary>
    public RunningApp StartApp(string folder, IReadOnlyDictionary<string, string?> extra, params string[] arguments)
    {
        Process process = Start(folder, extra, arguments);
        var app = new RunningApp(process, Text(arguments));
        process.OutputDataReceived += (_, e) => Append(app.Output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(app.Output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Stops the app and everything it started (<c>dotnet run</c> starts the app as its child).</summary>
    public static void Stop(RunningApp app)
    {
        try
        {
            if (!app.Process.HasExited)
            {
                app.Process.Kill(entireProcessTree: true);
            }

            app.Process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        app.Process.Dispose();
    }

    private Process Start(string folder, IReadOnlyDictionary<string, string?>? extra, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in Environment.Concat(extra ?? new Dictionary<string, string?>()))
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new RecipeFailedException($"`dotnet {Text(arguments)}` did not start.");
    }

    /// <summary>Variables of the build that started the check, or of the user's settings, that a fresh project must not see.</summary>
    private static bool IsInherited(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("REQIO_", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name is "NUGET_PACKAGES" or "DOTNET_HOST_PATH";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public static string Text(string[] arguments) =>
        "dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
