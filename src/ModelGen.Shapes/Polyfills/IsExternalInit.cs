namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets netstandard2.0 code declare <c>init</c> accessors. Internal, and defined only here, so the
/// generator assembly that compiles these files in gets exactly one copy.
/// </summary>
internal static class IsExternalInit
{
}
