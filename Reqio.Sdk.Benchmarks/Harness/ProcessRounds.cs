using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Reqio.Sdk.Benchmarks.Harness;

/// <summary>A program the process rounds start: an executable (or <c>dotnet</c>) and its arguments.</summary>
internal sealed class Launch(string name, string fileName, string arguments = "")
{
    public string Name { get; } = name;

    public string FileName { get; } = fileName;

    public string Arguments { get; } = arguments;

    public override string ToString() => Name;
}

/// <summary>One start of a program: how long the whole process took, from start to exit, and what it printed.</summary>
internal sealed record ProcessRun(TimeSpan Wall, IReadOnlyList<string> Output);

/// <summary>
/// Whole processes timed against each other: every program once a round, the order rotated and reversed every other
/// round (A B C, then C B A shifted, …), so each pair of programs alternates and sees the same stretch of the
/// machine. A ratio is taken within each round and summarised over the rounds, as in <see cref="PairedRounds"/>.
/// </summary>
internal sealed class ProcessRounds
{
    private readonly IReadOnlyList<Launch> _programs;
    private readonly List<ProcessRun>[] _runs;

    public ProcessRounds(IReadOnlyList<Launch> programs)
    {
        _programs = programs;
        _runs = [.. programs.Select(_ => new List<ProcessRun>())];
    }

    public int Rounds => _runs.Length == 0 ? 0 : _runs[0].Count;

    /// <summary>Starts each program once, untimed, so every program's files are in the page cache before the rounds.</summary>
    public void WarmUp()
    {
        foreach (Launch program in _programs)
        {
            Start(program);
        }
    }

    /// <summary>Runs <paramref name="rounds"/> more rounds.</summary>
    public void Run(int rounds, Action<string> progress)
    {
        int count = _programs.Count;
        for (int r = 0; r < rounds; r++)
        {
            int round = Rounds;
            for (int i = 0; i < count; i++)
            {
                int step = round % 2 == 0 ? i : count - 1 - i;
                int p = (round + step) % count;
                _runs[p].Add(Start(_programs[p]));
            }

            if ((r + 1) % 10 == 0)
            {
                progress($"{Rounds} process rounds");
            }
        }
    }

    /// <summary>Every run of <paramref name="program"/>, round by round.</summary>
    public IReadOnlyList<ProcessRun> Runs(Launch program)
    {
        int index = _programs.ToList().IndexOf(program);
        return index >= 0 ? _runs[index] : throw new ArgumentException($"{program} is not one of these rounds' programs.", nameof(program));
    }

    /// <summary>The ratio of a measure of <paramref name="numerator"/>'s runs to the same of <paramref name="denominator"/>'s, round by round.</summary>
    public Estimate Ratio(Launch numerator, Launch denominator, Func<ProcessRun, double> measure) =>
        Estimate.OfRatios([.. Runs(numerator).Select(measure)], [.. Runs(denominator).Select(measure)]);

    /// <summary>Starts <paramref name="program"/>, waits for it, and fails unless it exits with 0.</summary>
    public static ProcessRun Start(Launch program)
    {
        var start = new ProcessStartInfo(program.FileName, program.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        long began = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        TimeSpan wall = Stopwatch.GetElapsedTime(began);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error.Result}");
        }

        return new ProcessRun(wall, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
