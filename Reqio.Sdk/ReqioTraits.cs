using System.Globalization;

namespace Reqio.Sdk;

/// <summary>
/// What Reqio knows about a user's subscription: the <c>traits</c> claim, written as
/// <c>{"plan":…,"amount":…,"interval":…}</c>. Immutable, with value equality; every value is checked when the
/// instance is built.
/// </summary>
/// <remarks>
/// Each member is optional and left out of the token when <see langword="null"/>; when all three are
/// <see langword="null"/> the whole <c>traits</c> claim is left out.
/// </remarks>
public sealed class ReqioTraits : IEquatable<ReqioTraits>
{
    /// <summary>The most UTF-16 characters a <see cref="Plan"/> may have (128).</summary>
    public const int MaxPlanLength = 128;

    /// <summary>The largest <see cref="AmountCents"/>: 2^53 − 1 (9,007,199,254,740,991), the largest integer every JSON parser reads exactly.</summary>
    public const long MaxAmountCents = 9_007_199_254_740_991;

    /// <summary>Creates traits, checking every value.</summary>
    /// <param name="plan">The plan's name, e.g. <c>"pro"</c>; <see langword="null"/> for none.</param>
    /// <param name="amountCents">
    /// What the plan costs per <paramref name="interval"/>, in integer cents (<c>4900</c> is 49.00); for a yearly plan the
    /// full annual total. <see langword="null"/> for none.
    /// </param>
    /// <param name="interval">How often <paramref name="amountCents"/> is charged; required when an amount is given.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="plan"/> is empty, whitespace only, longer than <see cref="MaxPlanLength"/> or not valid UTF-16
    /// (an unpaired surrogate); or <paramref name="amountCents"/> is given without an <paramref name="interval"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amountCents"/> is below 0 or above <see cref="MaxAmountCents"/>, or <paramref name="interval"/>
    /// is not a defined <see cref="BillingInterval"/>.
    /// </exception>
    public ReqioTraits(string? plan = null, long? amountCents = null, BillingInterval? interval = null)
    {
        if (plan is not null)
        {
            CheckPlan(plan);
        }

        CheckAmount(amountCents, interval);
        Plan = plan;
        AmountCents = amountCents;
        Interval = interval;
    }

    /// <summary>Traits of a plan billed monthly.</summary>
    /// <param name="plan">The plan's name.</param>
    /// <param name="amountCents">The monthly price in integer cents.</param>
    /// <returns>Traits with all three members set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for the constructor.</exception>
    public static ReqioTraits Monthly(string plan, long amountCents) =>
        new(Preconditions.CheckNotNull(plan, nameof(plan)), amountCents, BillingInterval.Month);

    /// <summary>Traits of a plan billed yearly.</summary>
    /// <param name="plan">The plan's name.</param>
    /// <param name="amountCents">The full annual price in integer cents (Reqio divides it by 12).</param>
    /// <returns>Traits with all three members set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for the constructor.</exception>
    public static ReqioTraits Yearly(string plan, long amountCents) =>
        new(Preconditions.CheckNotNull(plan, nameof(plan)), amountCents, BillingInterval.Year);

    /// <summary>The plan's name, written as <c>plan</c>; <see langword="null"/> when not given.</summary>
    public string? Plan { get; }

    /// <summary>The amount in integer cents per <see cref="Interval"/>, written as <c>amount</c>; <see langword="null"/> when not given.</summary>
    public long? AmountCents { get; }

    /// <summary>How often <see cref="AmountCents"/> is charged, written as <c>interval</c>; <see langword="null"/> when not given.</summary>
    public BillingInterval? Interval { get; }

    /// <summary>Whether every member is <see langword="null"/>, so the token leaves the whole <c>traits</c> claim out.</summary>
    internal bool IsEmpty => Plan is null && AmountCents is null && Interval is null;

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are equal traits (or both <see langword="null"/>).</summary>
    /// <param name="left">Traits.</param>
    /// <param name="right">Other traits.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ReqioTraits? left, ReqioTraits? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> differ.</summary>
    /// <param name="left">Traits.</param>
    /// <param name="right">Other traits.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ReqioTraits? left, ReqioTraits? right) => !(left == right);

    /// <summary>Whether <paramref name="other"/> has the same plan (ordinal comparison), amount and interval.</summary>
    /// <param name="other">Other traits.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(ReqioTraits? other) =>
        other is not null
        && string.Equals(Plan, other.Plan, StringComparison.Ordinal)
        && AmountCents == other.AmountCents
        && Interval == other.Interval;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ReqioTraits);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked(
        (((Plan is null ? 0 : StringComparer.Ordinal.GetHashCode(Plan)) * 31) + AmountCents.GetHashCode()) * 31
        + Interval.GetHashCode());

    /// <summary>Describes the traits.</summary>
    /// <returns>For example <c>ReqioTraits { Plan = pro, AmountCents = 4900, Interval = Month }</c>.</returns>
    public override string ToString() =>
        $"ReqioTraits {{ Plan = {Plan ?? "(none)"}, AmountCents = {(AmountCents is { } cents ? cents.ToString(CultureInfo.InvariantCulture) : "(none)")}, Interval = {(Interval is { } interval ? interval.ToString() : "(none)")} }}";

    /// <summary>Checks a plan's name: not blank, at most <see cref="MaxPlanLength"/>, valid UTF-16.</summary>
    private static void CheckPlan(string plan)
    {
        if (string.IsNullOrWhiteSpace(plan))
        {
            ThrowHelper.Argument(nameof(plan), "plan must be null (no plan) or a name that is not empty or white space only.");
        }

        Preconditions.CheckMaxLength(plan, MaxPlanLength, nameof(plan));
        JsonString.CheckUtf16(plan, nameof(plan));
    }

    /// <summary>Checks an amount in whole cents within JSON's exact integers, and the interval it needs.</summary>
    private static void CheckAmount(long? amountCents, BillingInterval? interval)
    {
        if (amountCents is < 0 or > MaxAmountCents)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(amountCents), amountCents.Value,
                $"amountCents must be whole cents from 0 to {MaxAmountCents} (2^53 - 1, the largest integer every JSON parser reads exactly).");
        }

        if (interval is { } value && value != BillingInterval.Month && value != BillingInterval.Year)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(interval), value, "interval must be BillingInterval.Month or BillingInterval.Year.");
        }

        if (amountCents is not null && interval is null)
        {
            ThrowHelper.Argument(nameof(interval),
                "interval must be given with amountCents: Reqio reads a monthly amount as is and divides a yearly one by 12.");
        }
    }
}
