using System.Collections.Generic;
using System.Linq;

namespace Reqio.Sdk.Benchmarks.Harness;

/// <summary>A median with its distribution-free 95% confidence interval, from this many samples (rounds, or pairs).</summary>
internal sealed record Estimate(double Median, double Low, double High, int Rounds)
{
    /// <summary>The interval's larger half-width as a fraction of the median (0.012 is ±1.2%).</summary>
    public double RelativeHalfWidth => Math.Max(Median - Low, High - Median) / Median;

    /// <summary>
    /// The sample median, and as its interval the order statistics at ranks n/2 ∓ 1.96·√n/2: the binomial interval
    /// for a median, which assumes nothing about the distribution (times on a shared machine are skewed).
    /// </summary>
    public static Estimate Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("An estimate needs at least one sample.", nameof(values));
        }

        double[] sorted = [.. values.OrderBy(v => v)];
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        double spread = 1.96 * Math.Sqrt(n) / 2;
        int low = Math.Max(0, (int)Math.Floor((n / 2.0) - spread) - 1);
        int high = Math.Min(n - 1, (int)Math.Ceiling((n / 2.0) + spread) - 1);
        return new Estimate(median, sorted[low], sorted[high], n);
    }

    /// <summary>The ratios of paired samples, <paramref name="numerators"/>[i] ÷ <paramref name="denominators"/>[i], summarised.</summary>
    public static Estimate OfRatios(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        if (numerators.Count != denominators.Count)
        {
            throw new ArgumentException("Paired samples come in pairs.", nameof(denominators));
        }

        return Of([.. numerators.Select((top, i) => top / denominators[i])]);
    }
}
