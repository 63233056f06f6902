namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>What an endpoint of the token app answers, so the load generator knows how to check each response.</summary>
internal enum ResponseShape
{
    /// <summary>The token alone, as the body.</summary>
    Token,

    /// <summary>
    /// <c>{"token":"…","expiresAt":&lt;unix seconds&gt;,"projectId":"…"}</c> with <c>Cache-Control: no-store</c>: the
    /// token, its expiry (the token's <c>exp</c>) and the reference project's id, those three names in that order.
    /// </summary>
    TokenJson,

    /// <summary>The reference page with the widget's script tag carrying a token, marked <c>no-store</c>.</summary>
    PageWithWidget,

    /// <summary>The reference page without the widget: no script and no token.</summary>
    Page,
}
