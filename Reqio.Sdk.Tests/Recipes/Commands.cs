using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CliWrap;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>
/// Runs the commands a newcomer types (<c>dotnet new</c>, <c>dotnet add package</c>, <c>dotnet build</c>, <c>dotnet
/// run</c>) with the environment of the check: its own packages folder, the test vectors' secret, and nothing of the
/// build that started the check (MSBuild's variables would send the child builds to the repository's SDK state).
/// </summary>
internal sealed class Commands(IReadOnlyDictionary<string, string?> environment)
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="folder"/>; throws with its output unless it exits 0.</summary>
    public string Dotnet(string folder, TimeSpan timeout, params string[] arguments) =>
        Run(folder, timeout, null, arguments);

    /// <summary>
    /// Runs <c>dotnet</c> to its end, killing it with everything it started after <paramref name="timeout"/>; returns
    /// its output (standard output and error, interleaved as they came), or throws with it unless it exits 0.
    /// </summary>
    public string Run(string folder, TimeSpan timeout, IReadOnlyDictionary<string, string?>? extra, string[] arguments) =>
        Program("dotnet", folder, timeout, extra, arguments);

    /// <summary>As <see cref="Run"/>, for another program (<c>bash</c>, for the guide's shell lines).</summary>
    public string Program(string program, string folder, TimeSpan timeout, IReadOnlyDictionary<string, string?>? extra, string[] arguments)
    {
        var output = new StringBuilder();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            CommandResult result = Command(program, folder, extra, arguments, output).ExecuteAsync(deadline.Token).GetAwaiter().GetResult();
            return result.ExitCode == 0
                ? Snapshot(output)
                : throw new RecipeFailedException($"`{Text(program, arguments)}` in {folder} exited with {result.ExitCode}; it printed:{System.Environment.NewLine}{Snapshot(output)}");
        }
        catch (OperationCanceledException)
        {
            throw new RecipeFailedException($"`{Text(program, arguments)}` in {folder} did not finish within {timeout.TotalSeconds:0} s; it printed:{System.Environment.NewLine}{Snapshot(output)}");
        }
    }

    /// <summary>Starts a long-running <c>dotnet</c> command (a web app); disposing the app stops it and everything it started.</summary>
    public RunningApp StartApp(string folder, IReadOnlyDictionary<string, string?> extra, params string[] arguments)
    {
        var output = new StringBuilder();
        var stop = new CancellationTokenSource();
        return new RunningApp(Command("dotnet", folder, extra, arguments, output).ExecuteAsync(stop.Token), stop, Text("dotnet", arguments), output);
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private Command Command(string program, string folder, IReadOnlyDictionary<string, string?>? extra, string[] arguments, StringBuilder output)
    {
        var settings = System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(IsInherited)
            .ToDictionary(name => name, _ => (string?)null);
        foreach ((string name, string? value) in environment.Concat(extra ?? new Dictionary<string, string?>()))
        {
            settings[name] = value;
        }

        var lines = PipeTarget.ToDelegate(line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        });
        return Cli.Wrap(program).WithArguments(arguments).WithWorkingDirectory(folder).WithEnvironmentVariables(settings)
            .WithStandardOutputPipe(lines).WithStandardErrorPipe(lines).WithValidation(CommandResultValidation.None);
    }

    /// <summary>Variables of the build that started the check, or of the user's settings, that a fresh project must not see.</summary>
    private static bool IsInherited(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("REQIO_", StringComparison.Ordinal)
        || name.StartsWith("Reqio__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name is "NUGET_PACKAGES" or "DOTNET_HOST_PATH";

    private static string Text(string program, string[] arguments) =>
        program + " " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
