namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The NUnit categories of the tests that need more than the .NET SDK, or more than seconds. The Test task runs every
/// category; the quick loop in CONTRIBUTING.md leaves these out (with the build's own tests and the recipes), so it
/// runs anywhere the SDK does, in seconds.
/// </summary>
internal static class Needs
{
    /// <summary>Debian's headless Chromium at /usr/bin/chromium (the widget in a real browser).</summary>
    public const string Chromium = "Chromium";

    /// <summary>Node.js with <c>jose</c> installed by <c>npm ci</c> in Reqio.Sdk.Tests/jose-verifier.</summary>
    public const string Node = "Node";

    /// <summary>What the Test task packs and publishes first (artifacts/), and Mono's <c>mono</c> and <c>sn</c>.</summary>
    public const string Package = "Package";

    /// <summary>
    /// The tests that run for seconds by design (a million strings, minting under load). They need nothing
    /// else, so the Test task runs them in every run.
    /// </summary>
    public const string Long = "Long";
}
