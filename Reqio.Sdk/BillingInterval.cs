namespace Reqio.Sdk;

/// <summary>How often a plan's amount is billed. Written into the token as <c>"month"</c> or <c>"year"</c>.</summary>
/// <remarks>
/// The members start at 1 so that <c>default(BillingInterval)</c> is not a valid interval and is rejected, instead of
/// silently meaning "month".
/// </remarks>
public enum BillingInterval
{
    /// <summary>The amount is charged every month; written as <c>"month"</c>.</summary>
    Month = 1,

    /// <summary>The amount is the full annual total, charged every year; written as <c>"year"</c>. Reqio divides it by 12.</summary>
    Year = 2,
}
