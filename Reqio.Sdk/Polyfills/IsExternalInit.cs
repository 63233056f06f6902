#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>Lets the compiler emit <c>init</c> accessors on targets older than .NET 5.</summary>
internal static class IsExternalInit
{
}
#endif
