namespace Reqio.Sdk;

/// <summary>
/// What validation learns about a user's or a trait set's claims in its one pass over their strings, and the encoder
/// needs: how long the claims are as JSON, and whether every string in them is plain (JSON takes it as it is, so it
/// is copied without the escaping scan).
/// </summary>
/// <param name="Length">The claims' length as escaped JSON.</param>
/// <param name="IsPlain">Whether every string in the claims is printable ASCII other than <c>"</c> and <c>\</c>.</param>
internal readonly record struct MeasuredJson(int Length, bool IsPlain);
