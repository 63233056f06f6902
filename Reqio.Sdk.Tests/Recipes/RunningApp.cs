using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>A web app the check started: its process and everything it printed so far.</summary>
internal sealed class RunningApp(Process process, string command)
{
    public Process Process { get; } = process;

    public string Command { get; } = command;

    public StringBuilder Output { get; } = new();

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="ready"/> to succeed, failing early if the app exits.</summary>
    public async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> ready, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (Process.HasExited)
            {
                throw new RecipeFailedException($"`{Command}` exited with {Process.ExitCode} before answering; it printed:{System.Environment.NewLine}{Commands.Snapshot(Output)}");
            }

            try
            {
                if (await ready(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException or OperationCanceledException)
            {
                // Not listening yet.
            }

            try
            {
                await Task.Delay(250, deadline.Token).ConfigureAwait(false);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }

        throw new RecipeFailedException($"`{Command}` did not answer within {timeout.TotalSeconds:0} s; it printed:{System.Environment.NewLine}{Commands.Snapshot(Output)}");
    }
}
