using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// A method the paired rounds time: <see cref="Run"/> performs <c>count</c> calls and returns something computed from
/// their results, so the JIT cannot drop the work; one call is <see cref="OperationsPerCall"/> tokens (or MACs).
/// </summary>
internal sealed record Measured(string Name, Func<int, long> Run, int OperationsPerCall = 1);

/// <summary>A median with its distribution-free 95% confidence interval, from this many rounds.</summary>
internal sealed record Estimate(double Median, double Low, double High, int Rounds)
{
    /// <summary>The interval's larger half-width as a fraction of the median (0.012 is ±1.2%).</summary>
    public double RelativeHalfWidth => Math.Max(Median - Low, High - Median) / Median;

    /// <summary>
    /// The sample median, and as its interval the order statistics at ranks n/2 ∓ 1.96·√n/2: the binomial interval
    /// for a median, which assumes nothing about the distribution (round times on a shared machine are skewed).
    /// </summary>
    public static Estimate Of(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.OrderBy(v => v)];
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        double spread = 1.96 * Math.Sqrt(n) / 2;
        int low = Math.Max(0, (int)Math.Floor((n / 2.0) - spread) - 1);
        int high = Math.Min(n - 1, (int)Math.Ceiling((n / 2.0) + spread) - 1);
        return new Estimate(median, sorted[low], sorted[high], n);
    }
}

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
    /// Runs every method until tiered compilation has settled (twice, a quarter second each, with a pause for the
    /// background compiler), and sizes each one's batch to about <paramref name="batch"/>.
    /// </summary>
    public void WarmUp(TimeSpan batch, Action<string> progress)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            for (int m = 0; m < _methods.Count; m++)
            {
                long until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4);
                int count = 1;
                while (Stopwatch.GetTimestamp() < until)
                {
                    long ticks = Time(m, count);
                    if (ticks < batch.TotalSeconds * Stopwatch.Frequency)
                    {
                        count = Math.Min(count * 2, 1 << 24);
                    }
                }

                _batches[m] = Math.Max(1, (int)(count * batch.TotalSeconds * Stopwatch.Frequency / Math.Max(1, Time(m, count))));
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
        while (clock.Elapsed < budget)
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
                if (Rounds >= minRounds && settled())
                {
                    return;
                }
            }
        }
    }

    /// <summary>One method's time per operation, round by round.</summary>
    public IReadOnlyList<double> PerOperation(string name) => _nanoseconds[IndexOf(name)];

    /// <summary>The median time per operation of one method over the rounds.</summary>
    public Estimate Time(string name) => Estimate.Of(PerOperation(name));

    /// <summary>The ratio of two methods' times, taken round by round, then summarised.</summary>
    public Estimate Ratio(string numerator, string denominator) => Combine([numerator], [denominator]);

    /// <summary>
    /// The ratio of the summed times of <paramref name="numerators"/> to those of <paramref name="denominators"/>,
    /// taken round by round, then summarised.
    /// </summary>
    public Estimate Combine(IReadOnlyList<string> numerators, IReadOnlyList<string> denominators)
    {
        var top = numerators.Select(PerOperation).ToList();
        var bottom = denominators.Select(PerOperation).ToList();
        var ratios = new double[Rounds];
        for (int r = 0; r < ratios.Length; r++)
        {
            ratios[r] = top.Sum(t => t[r]) / bottom.Sum(b => b[r]);
        }

        return Estimate.Of(ratios);
    }

    private int IndexOf(string name)
    {
        for (int m = 0; m < _methods.Count; m++)
        {
            if (_methods[m].Name == name)
            {
                return m;
            }
        }

        throw new ArgumentException($"No measured method is called {name}.", nameof(name));
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
