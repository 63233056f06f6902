namespace Reqio.Sdk;

/// <summary>
/// Mints Reqio identity tokens: HS256 JWTs that identify a signed-in user to the Reqio widget.
/// </summary>
/// <remarks>
/// <para>
/// A token is <c>header.payload.signature</c>, all base64url without padding. The header is
/// <c>{"alg":"HS256","typ":"JWT"}</c>; the payload holds <c>sub</c>, <c>email</c>, <c>traits</c>, <c>aud</c>,
/// <c>iat</c> and <c>exp</c> in that order, without white space, absent values left out, strings escaped as Python's
/// <c>json.dumps</c> escapes them. The result is byte for byte what the Python snippet (PyJWT) mints from the same
/// inputs, and it is pure ASCII, so its length is the same in <see cref="char"/>s and in UTF-8 bytes.
/// </para>
/// <para>
/// Three tiers: <c>TryMint</c> writes into a caller's buffer and allocates nothing; <see cref="Mint(ReqioUser, ReqioOptions)"/>
/// returns a string and allocates only that string (on .NET Standard 2.1 and .NET 8+); <see cref="GetMaxTokenLength"/> and
/// <see cref="MaxTokenLength"/> size buffers. Only bad arguments throw; a short buffer is <see langword="false"/>.
/// </para>
/// </remarks>
public static partial class ReqioToken
{
    /// <summary>
    /// No token is longer than this (8192 characters). The per-field limits (<see cref="ReqioUser.MaxIdLength"/>,
    /// <see cref="ReqioUser.MaxEmailLength"/>, <see cref="ReqioTraits.MaxPlanLength"/>, <see cref="ReqioOptions.MaxAudienceLength"/>)
    /// keep even a user whose every character needs a six-byte escape within it.
    /// </summary>
    public const int MaxTokenLength = 8192;

    /// <summary>
    /// Mints a token for <paramref name="user"/> with options read from the environment
    /// (<see cref="ReqioOptions.FromEnvironment()"/>): <c>REQIO_SECRET</c>, and <c>REQIO_AUDIENCE</c> or
    /// <c>REQIO_PROJECT_ID</c>. The variables are read on the first successful call and kept; a failed read is not
    /// kept, so a later call reads them again.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// A variable is missing or invalid (the message names each one), or the system clock is before 1970.
    /// </exception>
    public static string Mint(ReqioUser user)
    {
        Preconditions.CheckNotNull(user, nameof(user));
        return Mint(user, EnvironmentOptions.Shared);
    }

    /// <summary>Mints a token for <paramref name="user"/> with <paramref name="options"/>.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="options">The project's key, audience, lifetime and clock.</param>
    /// <returns>The token, at most <see cref="MaxTokenLength"/> characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/>' clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static string Mint(ReqioUser user, ReqioOptions options) => Mint(user, options, out _);

    /// <summary>
    /// Mints a token and says when it expires (its <c>exp</c> claim), for a single-page app's token endpoint to
    /// return beside it, so the page can fetch a new one in time without decoding the token.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="options">The project's key, audience, lifetime and clock.</param>
    /// <param name="expiresAt">The token's <c>exp</c>, a whole second in UTC.</param>
    /// <returns>The token, at most <see cref="MaxTokenLength"/> characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/>' clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static string Mint(ReqioUser user, ReqioOptions options, out DateTimeOffset expiresAt)
    {
        TokenLayout layout = Measure(user, options);
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(layout.ExpiresAt);
        return CreateString(user, options, layout);
    }

    /// <summary>
    /// The longest token <paramref name="user"/> can get with <paramref name="options"/> at any time, to size a buffer
    /// for <c>TryMint</c>. Never more than <see cref="MaxTokenLength"/>.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="options">The options the token will be minted with.</param>
    /// <returns>A length in characters, which is also the length in UTF-8 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public static int GetMaxTokenLength(ReqioUser user, ReqioOptions options)
    {
        Preconditions.CheckNotNull(user, nameof(user));
        Preconditions.CheckNotNull(options, nameof(options));
        return TokenEncoder.MeasureLongest(user, options);
    }

    /// <summary>Checks the arguments, reads the clock and lays out the token: the start of every tier.</summary>
    private static TokenLayout Measure(ReqioUser user, ReqioOptions options)
    {
        Preconditions.CheckNotNull(user, nameof(user));
        Preconditions.CheckNotNull(options, nameof(options));
        return TokenEncoder.Measure(user, options);
    }
}
