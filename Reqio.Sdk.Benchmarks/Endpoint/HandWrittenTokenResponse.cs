namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// The single-page-app recipe's response record, <c>{"token":"…","expiresAt":&lt;unix seconds&gt;}</c>, with the
/// project id added so it answers what <c>MapReqioToken</c> answers: <c>{"token":"…","expiresAt":…,"projectId":"…"}</c>.
/// </summary>
internal sealed record HandWrittenTokenResponse(string Token, long ExpiresAt, string? ProjectId);
