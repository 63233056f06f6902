namespace Reqio.Sdk;

/// <summary>
/// The signed-in user a token identifies: <c>sub</c>, <c>email</c> and <c>traits</c>. Immutable; every value is
/// checked when the instance is built, so a user that exists can always be minted.
/// </summary>
public sealed record ReqioUser
{
    /// <summary>The most UTF-16 characters an <see cref="Id"/> may have (256).</summary>
    public const int MaxIdLength = 256;

    /// <summary>The most UTF-16 characters an <see cref="Email"/> may have (254, the longest address SMTP carries).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Creates a user, checking every value.</summary>
    /// <param name="id">Your stable id for the user, written as <c>sub</c>. Any text but blank.</param>
    /// <param name="email">The user's email address, or <see langword="null"/> to leave <c>email</c> out.</param>
    /// <param name="traits">The user's subscription, or <see langword="null"/> to leave <c>traits</c> out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is empty, whitespace only or longer than <see cref="MaxIdLength"/>; or
    /// <paramref name="email"/> is empty, longer than <see cref="MaxEmailLength"/>, holds white space or control
    /// characters, or has no <c>@</c> with text on both sides; or either is not valid UTF-16 (an unpaired surrogate).
    /// </exception>
    public ReqioUser(string id, string? email = null, ReqioTraits? traits = null)
    {
        (JsonLength, IsPlainText) = Validation.User(id, email, traits);
        Id = id;
        Email = email;
        Traits = traits;
    }

    /// <summary>The user's id, written as the <c>sub</c> claim.</summary>
    public string Id { get; }

    /// <summary>The user's email address, written as <c>email</c>; <see langword="null"/> when not given.</summary>
    public string? Email { get; }

    /// <summary>The user's subscription, written as <c>traits</c>; <see langword="null"/> when not given.</summary>
    public ReqioTraits? Traits { get; }

    /// <summary>The length of this user's claims as written: from <c>{"sub":</c> through <c>traits</c>, if any.</summary>
    internal int JsonLength { get; }

    /// <summary>Whether the id, email and plan are all printable ASCII that JSON takes as it is (the usual case).</summary>
    internal bool IsPlainText { get; }
}
