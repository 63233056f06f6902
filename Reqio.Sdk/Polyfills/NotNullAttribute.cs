#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The value is not null once the method returns; netstandard2.0 lacks this attribute (2.1 has it).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue)]
internal sealed class NotNullAttribute : Attribute
{
}
#endif
