using System.Diagnostics.CodeAnalysis;

namespace Reqio.Sdk;

/// <summary>
/// The checks every public entry point shares: an argument is not null, a string is not too long. The rules of a
/// value (what makes an id, an email, a secret or an audience) live with the type they govern.
/// </summary>
internal static class Preconditions
{
    /// <summary>Returns <paramref name="value"/>; throws <see cref="ArgumentNullException"/> naming it when it is null.</summary>
    public static T CheckNotNull<T>([NotNull] T? value, string paramName)
        where T : class
    {
        if (value is null)
        {
            ThrowHelper.ArgumentNull(paramName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> when <paramref name="value"/> is longer than <paramref name="max"/>.</summary>
    public static void CheckMaxLength(string value, int max, string paramName)
    {
        if (value.Length > max)
        {
            ThrowHelper.Argument(paramName,
                $"{paramName} must be at most {max} characters so every token fits in {ReqioToken.MaxTokenLength} characters; it has {value.Length}.");
        }
    }
}
