namespace Reqio.Sdk;

/// <summary>
/// The signed-in user a token identifies: <c>sub</c>, <c>email</c> and <c>traits</c>. Immutable, with value
/// equality; every value is checked when the instance is built, so a user that exists can always be minted.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> leaves the email address out, so a user can be logged. Structured loggers read public
/// properties, though, <see cref="Email"/> among them, and an <see cref="Id"/> may itself be an email address: log
/// the user's <see cref="ToString"/>, not the user.
/// </remarks>
public sealed class ReqioUser : IEquatable<ReqioUser>
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
        CheckId(id);
        if (email is not null)
        {
            CheckEmail(email);
        }

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

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are equal users (or both <see langword="null"/>).</summary>
    /// <param name="left">A user.</param>
    /// <param name="right">Another user.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ReqioUser? left, ReqioUser? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> differ.</summary>
    /// <param name="left">A user.</param>
    /// <param name="right">Another user.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ReqioUser? left, ReqioUser? right) => !(left == right);

    /// <summary>Whether <paramref name="other"/> has the same id, email and traits (ordinal comparison).</summary>
    /// <param name="other">Another user.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(ReqioUser? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Email, other.Email, StringComparison.Ordinal)
        && Equals(Traits, other.Traits);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ReqioUser);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked(
        (((StringComparer.Ordinal.GetHashCode(Id) * 31) + (Email is null ? 0 : StringComparer.Ordinal.GetHashCode(Email))) * 31)
        + (Traits?.GetHashCode() ?? 0));

    /// <summary>Describes the user without the email address.</summary>
    /// <returns>For example <c>ReqioUser { Id = user_8f3a2c, Email = (hidden), Traits = ReqioTraits { Plan = pro, AmountCents = 4900, Interval = Month } }</c>.</returns>
    public override string ToString() =>
        $"ReqioUser {{ Id = {Id}, Email = {(Email is null ? "(none)" : "(hidden)")}, Traits = {Traits?.ToString() ?? "(none)"} }}";

    /// <summary>Checks an id: not null, not blank, at most <see cref="MaxIdLength"/>, valid UTF-16.</summary>
    private static void CheckId(string id)
    {
        const string Name = "id";
        Preconditions.CheckNotNull(id, Name);
        if (string.IsNullOrWhiteSpace(id))
        {
            ThrowHelper.Argument(Name, "id must not be empty or white space only: it becomes the token's sub claim, which identifies the user.");
        }

        Preconditions.CheckMaxLength(id, MaxIdLength, Name);
        JsonString.CheckUtf16(id, Name);
    }

    /// <summary>Checks an email address.</summary>
    /// <remarks>
    /// Deliberately loose: internationalized addresses and anything else a mail system may accept pass through as
    /// given. Only what is certainly not an address is refused.
    /// </remarks>
    private static void CheckEmail(string email)
    {
        const string Name = "email";
        if (email.Length == 0)
        {
            ThrowHelper.Argument(Name, "email must be null (no email) or an address, not empty.");
        }

        Preconditions.CheckMaxLength(email, MaxEmailLength, Name);
        JsonString.CheckUtf16(email, Name);

        // Plain text (printable ASCII) holds one white-space character, the space, and no control character: the
        // character-by-character search starts where plain text ends.
        int plain = JsonString.PlainRunLength(email, 0);
        int space = email.IndexOf(' ', 0, plain);
        if (space >= 0)
        {
            ThrowHelper.Argument(Name, $"email must not hold white space or control characters; it has one at index {space}.");
        }

        for (int i = plain; i < email.Length; i++)
        {
            if (char.IsWhiteSpace(email[i]) || char.IsControl(email[i]))
            {
                ThrowHelper.Argument(Name, $"email must not hold white space or control characters; it has one at index {i}.");
            }
        }

        if (email.Length < 3 || email.IndexOf('@', 1, email.Length - 2) < 0)
        {
            ThrowHelper.Argument(Name, "email must have an '@' with text on both sides.");
        }
    }
}
