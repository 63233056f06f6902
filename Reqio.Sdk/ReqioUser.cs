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
        int idLength = CheckIdAndGetEscapedLength(id);
        int emailLength = email is null ? -1 : CheckEmailAndGetEscapedLength(email);
        JsonLength = PayloadJson.MeasureUser(idLength, emailLength, traits?.JsonLength ?? 0);

        // Escaping lengthens every character JSON does not take as it is, so a string is plain when it keeps its length.
        IsPlainText = idLength == id.Length && (email is null || emailLength == email.Length) && (traits?.IsPlainText ?? true);
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

    /// <summary>Checks an id (not null, not blank, at most <see cref="MaxIdLength"/>, valid UTF-16); returns its escaped length.</summary>
    private static int CheckIdAndGetEscapedLength(string id)
    {
        const string Name = "id";
        Preconditions.CheckNotNull(id, Name);
        if (string.IsNullOrWhiteSpace(id))
        {
            ThrowHelper.Argument(Name, "id must not be empty or white space only: it becomes the token's sub claim, which identifies the user.");
        }

        Preconditions.CheckMaxLength(id, MaxIdLength, Name);
        return JsonString.CheckUtf16AndGetEscapedLength(id, Name);
    }

    /// <summary>Checks an email address; returns its escaped length.</summary>
    /// <remarks>
    /// Deliberately loose: internationalized addresses and anything else a mail system may accept pass through as
    /// given. Only what is certainly not an address is refused.
    /// </remarks>
    private static int CheckEmailAndGetEscapedLength(string email)
    {
        const string Name = "email";
        if (email.Length == 0)
        {
            ThrowHelper.Argument(Name, "email must be null (no email) or an address, not empty.");
        }

        Preconditions.CheckMaxLength(email, MaxEmailLength, Name);
        int length = JsonString.CheckUtf16AndGetEscapedLength(email, Name);

        // Plain text holds no control character and one white-space character, the space; other text is searched whole.
        int blank = length == email.Length ? email.IndexOf(' ') : IndexOfWhiteSpaceOrControl(email);
        if (blank >= 0)
        {
            ThrowHelper.Argument(Name, $"email must not hold white space or control characters; it has one at index {blank}.");
        }

        if (email.Length < 3 || email.IndexOf('@', 1, email.Length - 2) < 0)
        {
            ThrowHelper.Argument(Name, "email must have an '@' with text on both sides.");
        }

        return length;
    }

    private static int IndexOfWhiteSpaceOrControl(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]) || char.IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
