namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// The compile symbols this test assembly was built with, as values a test can compare with the library build it
/// loaded. Tests fenced by <c>#if REQIO_*</c> disappear silently when a symbol is wrong; this makes a wrong symbol fail.
/// </summary>
internal static class CompiledWith
{
    /// <summary><c>REQIO_SPANS</c>: the library build under test has the span overloads (netstandard2.1, net8.0).</summary>
    public static readonly bool Spans =
#if REQIO_SPANS
        true;
#else
        false;
#endif

    /// <summary><c>REQIO_NET8</c>: the library build under test is net8.0.</summary>
    public static readonly bool Net8 =
#if REQIO_NET8
        true;
#else
        false;
#endif

    /// <summary><c>REQIO_NETFX</c>: this test assembly is built for .NET Framework (run on Mono here).</summary>
    public static readonly bool NetFx =
#if REQIO_NETFX
        true;
#else
        false;
#endif
}
