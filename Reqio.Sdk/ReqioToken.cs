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
/// Three tiers: <c>TryMint</c> writes into a caller's buffer and allocates nothing; <see cref="Mint(ReqioUser, ReqioProject)"/>
/// returns a string and allocates only that string (on .NET Standard 2.1 and .NET 8+); <see cref="GetMaxTokenLength"/> and
/// <see cref="MaxTokenLength"/> size buffers. <see cref="MintWithExpiry"/> returns the token with its expiry, for a
/// token endpoint. Only bad arguments throw; a short buffer is <see langword="false"/>.
/// </para>
/// </remarks>
public static partial class ReqioToken
{
    /// <summary>
    /// No token is longer than this (8192 characters). The per-field limits (<see cref="ReqioUser.MaxIdLength"/>,
    /// <see cref="ReqioUser.MaxEmailLength"/>, <see cref="ReqioTraits.MaxPlanLength"/>, <see cref="ReqioProject.MaxAudienceLength"/>)
    /// keep even a user whose every character needs a six-byte escape within it.
    /// </summary>
    public const int MaxTokenLength = 8192;

    /// <summary>
    /// Mints a token for <paramref name="user"/> with the project read from this process's environment variables
    /// (<see cref="ReqioProject.FromEnvironment()"/>): <c>REQIO_SECRET</c>, and <c>REQIO_PROJECT_ID</c> or
    /// <c>REQIO_AUDIENCE</c>. Nothing else is read: not an application's configuration, not user-secrets.
    /// </summary>
    /// <remarks>
    /// The variables are read on the first successful call and the project is kept for the life of the process, so a
    /// changed <c>REQIO_SECRET</c> (a rotated secret) takes effect after a restart. A failed read is not kept: a later
    /// call reads the variables again. To pick up a new secret without a restart, build a new
    /// <see cref="ReqioProject"/> and pass it to <see cref="Mint(ReqioUser, ReqioProject)"/>.
    /// </remarks>
    /// <param name="user">The signed-in user.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// A variable is missing, invalid or disagrees with another (the message names each one), or the system clock is
    /// before 1970.
    /// </exception>
    public static string Mint(ReqioUser user)
    {
        Preconditions.CheckNotNull(user, nameof(user));
        return Mint(user, ProjectSettings.Shared);
    }

    /// <summary>Mints a token for <paramref name="user"/> with <paramref name="project"/>.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="project">The project's key, audience, lifetime and clock.</param>
    /// <returns>The token, at most <see cref="MaxTokenLength"/> characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="project"/>'s clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static string Mint(ReqioUser user, ReqioProject project) => CreateString(user, project, ReadClock(user, project));

    /// <summary>
    /// Mints a token and returns it with its expiry (its <c>exp</c> claim), for a single-page app's token endpoint to
    /// return together, so the page can fetch a new one in time without decoding the token.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="project">The project's key, audience, lifetime and clock.</param>
    /// <returns>The token and the whole second in UTC at which it expires.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="project"/>'s clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static ReqioIdentityToken MintWithExpiry(ReqioUser user, ReqioProject project)
    {
        long issuedAt = ReadClock(user, project);
        string token = CreateString(user, project, issuedAt);
        return new ReqioIdentityToken(token, DateTimeOffset.FromUnixTimeSeconds(issuedAt + project.LifetimeSeconds));
    }

    /// <summary>
    /// The longest token <paramref name="user"/> can get with <paramref name="project"/> at any time, to size a buffer
    /// for <c>TryMint</c>. Never more than <see cref="MaxTokenLength"/>.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="project">The project the token will be minted with.</param>
    /// <returns>A length in characters, which is also the length in UTF-8 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="project"/> is <see langword="null"/>.</exception>
    public static int GetMaxTokenLength(ReqioUser user, ReqioProject project)
    {
        Preconditions.CheckNotNull(user, nameof(user));
        Preconditions.CheckNotNull(project, nameof(project));
        return TokenEncoder.GetTokenLength(WriteLongestPayload(user, project));
    }

    /// <summary>Checks the arguments and reads the clock: the start of every tier. Returns <c>iat</c>.</summary>
    private static long ReadClock(ReqioUser user, ReqioProject project)
    {
        Preconditions.CheckNotNull(user, nameof(user));
        Preconditions.CheckNotNull(project, nameof(project));
        return TokenEncoder.ReadClock(project);
    }
}
