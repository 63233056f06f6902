using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Reqio.Sdk.Benchmarks.Harness;

/// <summary>
/// Times methods against each other the way one does on a noisy machine: all of them back to back in one process, in
/// rounds, the order rotated (and reversed every other round) so no method always follows the same neighbour, each
/// timed over a batch of about a millisecond. A ratio is then taken within each round, where both sides saw the same
/// moment of the machine, and summarised by its median over the rounds. BenchmarkDotNet runs each benchmark in its
/// own process, minutes apart, so a ratio of its means carries whatever the machine did in between.
/// </summary>
internal sealed class PairedRounds
{
    private static readonly double s_nsPerTick = 1e9 / Stopwatch.Frequency;

    private readonly IReadOnlyList<Measured> _methods;
    private readonly int[] _batches;
    private readonly List<double>[] _nanoseconds;

    public PairedRounds(IReadOnlyList<Measured> methods)
    {
        _methods = methods;
        _batches = new int[methods.Count];
        _nanoseconds = [.. methods.Select(_ => new List<double>())];
    }

    public int Rounds => _nanoseconds[0].Count;

    /// <summary>
    /// Runs every method until tiered compilation has settled (twice, <paramref name="each"/> a method, with a pause
    /// for the background compiler), and sizes each one's batch to about <paramref name="batch"/>.
    /// </summary>
    public void WarmUp(TimeSpan batch, TimeSpan each, Action<string> progress)
    {
        long target = (long)(batch.TotalSeconds * Stopwatch.Frequency);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int m = 0; m < _methods.Count; m++)
            {
                long until = Stopwatch.GetTimestamp() + (long)(each.TotalSeconds * Stopwatch.Frequency);
                int count = 1;
                while (Stopwatch.GetTimestamp() < until)
                {
                    if (Time(m, count) < target)
                    {
                        count = Math.Min(count * 2, 1 << 24);
                    }
                }

                _batches[m] = Math.Max(1, (int)(count * target / Math.Max(1, Time(m, count))));
            }

            progress($"warm-up pass {pass + 1} of 2 done");
            System.Threading.Thread.Sleep(300);
        }
    }

    /// <summary>
    /// Runs rounds until at least <paramref name="minRounds"/> have run and <paramref name="settled"/> says the
    /// estimates are narrow enough, or until <paramref name="budget"/> is spent.
    /// </summary>
    public void Run(int minRounds, TimeSpan budget, Func<bool> settled, Action<string> progress)
    {
        // The methods ran in other processes' company since the last call: a pass of warm-up batches first.
        for (int m = 0; m < _methods.Count; m++)
        {
            Time(m, _batches[m]);
        }

        var clock = Stopwatch.StartNew();
        int count = _methods.Count;
        while (clock.Elapsed < budget || Rounds == 0)
        {
            int round = Rounds;
            for (int i = 0; i < count; i++)
            {
                int step = round % 2 == 0 ? i : count - 1 - i;
                int m = (round + step) % count;
                long ticks = Time(m, _batches[m]);
                _nanoseconds[m].Add(ticks * s_nsPerTick / ((double)_batches[m] * _methods[m].OperationsPerCall));
            }

            if (Rounds % 100 == 0)
            {
                progress($"{Rounds} rounds, {clock.Elapsed.TotalSeconds:F0} s");
            }

            if (Rounds >= minRounds && (Rounds % 100 == 0 || Rounds == minRounds) && settled())
            {
                return;
            }
        }
    }

    /// <summary>One method's time per operation, round by round.</summary>
    public IReadOnlyList<double> PerOperation(Measured method) => _nanoseconds[IndexOf(method)];

    /// <summary>The median time per operation of one method over the rounds.</summary>
    public Estimate Time(Measured method) => Estimate.Of(PerOperation(method));

    /// <summary>
    /// The ratio of the summed times of <paramref name="numerators"/> to those of <paramref name="denominators"/>,
    /// taken round by round, then summarised.
    /// </summary>
    public Estimate Ratio(IReadOnlyList<Measured> numerators, IReadOnlyList<Measured> denominators)
    {
        var top = numerators.Select(PerOperation).ToList();
        var bottom = denominators.Select(PerOperation).ToList();
        return Estimate.OfRatios(
            [.. Enumerable.Range(0, Rounds).Select(r => top.Sum(t => t[r]))],
            [.. Enumerable.Range(0, Rounds).Select(r => bottom.Sum(b => b[r]))]);
    }

    private int IndexOf(Measured method)
    {
        int index = _methods.ToList().IndexOf(method);
        return index >= 0 ? index : throw new ArgumentException($"{method} is not one of the methods these rounds time.", nameof(method));
    }

    private long Time(int method, int count)
    {
        long start = Stopwatch.GetTimestamp();
        long result = _methods[method].Run(count);
        long ticks = Stopwatch.GetTimestamp() - start;
        GC.KeepAlive(result);
        return ticks;
    }
}
