#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>Locals and stack buffers are not zeroed; netstandard2.x lacks this attribute (.NET 5 has it).</summary>
[AttributeUsage(AttributeTargets.Module | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event | AttributeTargets.Interface, Inherited = false)]
internal sealed class SkipLocalsInitAttribute : Attribute
{
}
#endif
