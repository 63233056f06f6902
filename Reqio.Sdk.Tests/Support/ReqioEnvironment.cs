using System.Collections.Generic;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The three REQIO_* variables of this process, cleared while a test runs and restored after it (they are
/// process-wide, so the fixtures that use this run alone).
/// </summary>
internal sealed class ReqioEnvironment : IDisposable
{
    public static readonly string[] Names = ["REQIO_SECRET", "REQIO_AUDIENCE", "REQIO_PROJECT_ID"];

    private readonly Dictionary<string, string?> _saved = [];

    public ReqioEnvironment()
    {
        foreach (string name in Names)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);

    public void Dispose()
    {
        foreach (string name in Names)
        {
            Environment.SetEnvironmentVariable(name, _saved[name]);
        }
    }
}
