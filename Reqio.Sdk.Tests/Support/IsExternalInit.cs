#if REQIO_NETFX
namespace System.Runtime.CompilerServices;

/// <summary>What records' <c>init</c> accessors need; .NET Framework lacks it.</summary>
internal static class IsExternalInit
{
}
#endif
