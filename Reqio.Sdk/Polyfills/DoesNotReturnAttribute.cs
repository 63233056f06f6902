#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The method never returns; netstandard2.0 lacks this nullable-analysis attribute (2.1 has it).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class DoesNotReturnAttribute : Attribute
{
}
#endif
