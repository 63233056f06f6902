using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Reqio.Sdk.Benchmarks.Harness;

/// <summary>
/// A child process of this program (started with other arguments) that the review talks to a line at a time: commands
/// on its standard input, one answer a line on its standard output. It can be pinned to one core: the starting
/// thread's affinity is set to that core for the start (a Linux child inherits the affinity of the thread that forks
/// it, in every thread it creates; a Windows child, its parent's), then restored, and the child's own set as well.
/// Where the operating system has no processor affinity (macOS), or the machine has one core, it runs unpinned, and
/// <see cref="Pinning"/> says so.
/// </summary>
internal sealed class LineProcess : IDisposable
{
    private readonly Process _process;
    private readonly int? _core;
    private readonly string? _unpinned;

    private LineProcess(string name, Process process, int? core, string? unpinned)
    {
        Name = name;
        _process = process;
        _core = core;
        _unpinned = unpinned;
    }

    public string Name { get; }

    /// <summary>
    /// Where the process runs, for the report: the core and, on Linux, whether every one of its threads is held to it
    /// (read from /proc when asked, so ask once its threads exist); or why it is unpinned.
    /// </summary>
    public string Pinning
    {
        get
        {
            if (_unpinned is not null)
            {
                return $"unpinned: {_unpinned}";
            }

            string task = $"/proc/{_process.Id}/task";
            if (!Directory.Exists(task))
            {
                return $"CPU {_core} (process affinity)";
            }

            var allowed = Directory.GetDirectories(task)
                .Select(t => File.ReadLines(Path.Combine(t, "status")).FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)))
                .Where(l => l is not null)
                .Select(l => l!.Split(':', 2)[1].Trim())
                .ToList();
            int held = allowed.Count(a => a == _core.ToString());
            return held == allowed.Count ? $"CPU {_core}, all {held} threads" : $"CPU {_core} for {held} of {allowed.Count} threads";
        }
    }

    /// <summary>The processor time the process has used so far, or null where the system does not tell.</summary>
    public TimeSpan? ProcessorTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (Exception e) when (e is PlatformNotSupportedException or NotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Starts this program with <paramref name="arguments"/>, pinned to <paramref name="core"/> where the system allows
    /// it. Call it from the thread that runs <c>Main</c>: on Linux the affinity set is that thread's.
    /// </summary>
    public static LineProcess StartSelf(string name, string arguments, int core, IReadOnlyDictionary<string, string>? environment = null)
    {
        string self = Environment.ProcessPath!;
        bool viaHost = Path.GetFileNameWithoutExtension(self) == "dotnet";
        var start = new ProcessStartInfo(self, viaHost ? $"\"{typeof(LineProcess).Assembly.Location}\" {arguments}" : arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        if (Environment.ProcessorCount < 2)
        {
            return new LineProcess(name, Process.Start(start)!, null, "the machine has one core");
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            return new LineProcess(name, StartPinned(start, core), core, null);
        }

        return new LineProcess(name, Process.Start(start)!, null, $"{RuntimeInformation.OSDescription.Trim()} offers no processor affinity");
    }

    [SupportedOSPlatform("linux")]
    [SupportedOSPlatform("windows")]
    private static Process StartPinned(ProcessStartInfo start, int core)
    {
        nint mask = 1 << core;
        using Process current = Process.GetCurrentProcess();
        nint before = current.ProcessorAffinity;
        Process process;
        current.ProcessorAffinity = mask;
        try
        {
            process = Process.Start(start)!;
        }
        finally
        {
            current.ProcessorAffinity = before;
        }

        process.ProcessorAffinity = mask;
        return process;
    }

    /// <summary>The next line the process prints; throws, with what it wrote to standard error, if it has ended.</summary>
    public string ReadLine() =>
        _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Name} ended: {_process.StandardError.ReadToEnd()}");

    /// <summary>Sends <paramref name="command"/> and returns the answer's words after <c>ok</c>; throws on <c>error</c>.</summary>
    public string[] Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        string answer = ReadLine();
        return answer.StartsWith("ok", StringComparison.Ordinal)
            ? answer.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            : throw new InvalidOperationException($"{Name}, asked to {command}: {answer}");
    }

    /// <summary>Closes the process's standard input, which ends it, and waits for it (killing it after 10 seconds).</summary>
    public void Dispose()
    {
        try
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process has already ended (and said why, to whoever asked it last).
            }

            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
