using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CliWrap;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>A web app the check started: its command, and everything it printed so far. Disposing it stops it.</summary>
internal sealed class RunningApp(CommandTask<CommandResult> run, CancellationTokenSource stop, string command, StringBuilder output) : IDisposable
{
    public StringBuilder Output { get; } = output;

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="ready"/> to succeed, failing early if the app exits.</summary>
    public async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> ready, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (run.Task.IsCompleted)
            {
                string exit = run.Task.IsCompletedSuccessfully ? $"exited with {run.Task.Result.ExitCode}" : "stopped";
                throw new RecipeFailedException($"`{command}` {exit} before answering; it printed:{Environment.NewLine}{Commands.Snapshot(Output)}");
            }

            try
            {
                if (await ready(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException or OperationCanceledException)
            {
                // Not listening yet.
            }

            try
            {
                await Task.Delay(250, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new RecipeFailedException($"`{command}` did not answer within {timeout.TotalSeconds:0} s; it printed:{Environment.NewLine}{Commands.Snapshot(Output)}");
    }

    /// <summary>Stops the app and everything it started (<c>dotnet run</c> starts the app as its child).</summary>
    public void Dispose()
    {
        stop.Cancel();
        try
        {
            run.Task.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
            // Stopped, as asked.
        }

        stop.Dispose();
    }
}
