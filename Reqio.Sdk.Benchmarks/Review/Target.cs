using System.Globalization;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>The bound a ratio must meet: at most <see cref="Value"/> (a cost) or at least it (a speed-up).</summary>
internal sealed record Target(double Value, bool IsUpperBound)
{
    public static Target AtMost(double value) => new(value, IsUpperBound: true);

    public static Target AtLeast(double value) => new(value, IsUpperBound: false);

    public bool IsMetBy(double median) => IsUpperBound ? median <= Value : median >= Value;

    /// <summary>For people: <c>≤ 1.35</c>.</summary>
    public override string ToString() => (IsUpperBound ? "≤ " : "≥ ") + Value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>For tools: <c>&lt;= 1.35</c>.</summary>
    public string ToAscii() => (IsUpperBound ? "<= " : ">= ") + Value.ToString("0.00", CultureInfo.InvariantCulture);
}
