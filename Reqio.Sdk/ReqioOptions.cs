using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// How tokens are minted for one Reqio project: the key, the audience, the lifetime and the clock. Build one per
/// project when the application starts and share it: it is immutable once built and safe to use from many threads
/// at once (each thread keeps its own keyed HMAC, so minting takes no lock).
/// </summary>
/// <remarks>The key never appears in <see cref="ToString"/>, in the debugger display or in an exception.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ReqioOptions
{
    /// <summary>The most UTF-16 characters an <see cref="Audience"/> may have (256).</summary>
    public const int MaxAudienceLength = 256;

    /// <summary>The most characters a project id may have (128).</summary>
    public const int MaxProjectIdLength = 128;

    /// <summary>The audience prefix of a Reqio project; the project id follows it.</summary>
    public const string ProjectAudiencePrefix = "https://reqio.app/p/";

    /// <summary>RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits.</summary>
    internal const int MinKeyLength = 32;

    private const int MinLifetimeSeconds = 1;
    private const int MaxLifetimeSeconds = 3600;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(300);
    private readonly IReqioClock _clock = ReqioClock.System;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly Hs256Signer _signer;

    /// <summary>Creates options from a project secret and an audience.</summary>
    /// <param name="secret">The project's secret (<c>REQIO_SECRET</c>). The key is the UTF-8 bytes of this string, as in every Reqio snippet; it is not base64-decoded.</param>
    /// <param name="audience">The project's audience (<c>REQIO_AUDIENCE</c>), <c>https://reqio.app/p/{projectId}</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> or <paramref name="audience"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="secret"/> is shorter than 32 bytes of UTF-8, starts or ends with white space (a line break read
    /// from a file, say), or is not valid UTF-16; or <paramref name="audience"/> is empty, longer than
    /// <see cref="MaxAudienceLength"/>, holds white space, a control character or an unpaired surrogate, or is not an
    /// absolute http or https URI with a host.
    /// </exception>
    public ReqioOptions(string secret, string audience)
        : this(new Hs256Signer(CheckSecretAndGetKey(secret)), CheckAudience(audience))
    {
    }

    /// <summary>Creates options from raw key bytes and an audience, for keys kept as bytes.</summary>
    /// <param name="key">The HMAC key, at least 32 bytes. It is copied: changing the array afterwards changes nothing.</param>
    /// <param name="audience">The project's audience, <c>https://reqio.app/p/{projectId}</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="audience"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="key"/> is shorter than 32 bytes; or <paramref name="audience"/> is empty, longer than
    /// <see cref="MaxAudienceLength"/>, holds white space, a control character or an unpaired surrogate, or is not an
    /// absolute http or https URI with a host.
    /// </exception>
    public ReqioOptions(byte[] key, string audience)
        : this(new Hs256Signer(CheckAndCopyKey(key)), CheckAudience(audience))
    {
    }

    private ReqioOptions(Hs256Signer signer, string checkedAudience)
    {
        AudienceClaim = PayloadJson.BuildAudienceClaim(checkedAudience);
        Audience = checkedAudience;
        ProjectId = ProjectIdOf(checkedAudience);
        _signer = signer;
    }

    /// <summary>Creates options for a Reqio project: the audience is <c>https://reqio.app/p/{projectId}</c>.</summary>
    /// <param name="secret">The project's secret; see <see cref="ReqioOptions(string, string)"/>.</param>
    /// <param name="projectId">The project's id, letters, digits, <c>_</c> and <c>-</c> (<c>[A-Za-z0-9_-]+</c>).</param>
    /// <returns>Options with the default lifetime and clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> or <paramref name="projectId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="secret"/> is shorter than 32 bytes of UTF-8, starts or ends with white space, or is not valid
    /// UTF-16; or <paramref name="projectId"/> is empty, longer than <see cref="MaxProjectIdLength"/>, or holds a
    /// character outside <c>[A-Za-z0-9_-]</c>.
    /// </exception>
    public static ReqioOptions ForProject(string secret, string projectId)
    {
        byte[] key = CheckSecretAndGetKey(secret);
        return FromCheckedValues(key, ProjectAudiencePrefix + CheckProjectId(projectId));
    }

    /// <summary>
    /// Creates options from the environment: the secret from <c>REQIO_SECRET</c>, the audience from
    /// <c>REQIO_AUDIENCE</c> or, when that is unset, from <c>REQIO_PROJECT_ID</c>. An empty variable counts as unset.
    /// </summary>
    /// <returns>Options with the default lifetime and clock.</returns>
    /// <exception cref="InvalidOperationException">
    /// A variable is missing or holds a value the constructors refuse. The message names every missing variable and
    /// every refused one with its rule; the inner exception is the <see cref="ArgumentException"/> of a refused value,
    /// or an <see cref="AggregateException"/> of them when more than one is refused.
    /// </exception>
    public static ReqioOptions FromEnvironment() => EnvironmentOptions.Read(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Creates options from settings read through <paramref name="getVariable"/>, by the same names and rules as
    /// <see cref="FromEnvironment()"/>: the secret from <c>REQIO_SECRET</c>, the audience from <c>REQIO_AUDIENCE</c>
    /// or, when that is unset, from <c>REQIO_PROJECT_ID</c>. An empty value counts as unset. In ASP.NET Core, pass
    /// <c>name =&gt; builder.Configuration[name]</c> to read them from environment variables, user-secrets,
    /// appsettings or Key Vault, whichever the configuration holds.
    /// </summary>
    /// <param name="getVariable">
    /// Returns a setting's value by its name, or <see langword="null"/> when it is not set. It is asked for
    /// <c>REQIO_SECRET</c>, <c>REQIO_AUDIENCE</c> and <c>REQIO_PROJECT_ID</c> only.
    /// </param>
    /// <returns>Options with the default lifetime and clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="getVariable"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// A setting is missing or holds a value the constructors refuse. The message names every missing setting and
    /// every refused one with its rule; the inner exception is the <see cref="ArgumentException"/> of a refused value,
    /// or an <see cref="AggregateException"/> of them when more than one is refused.
    /// </exception>
    public static ReqioOptions FromEnvironment(Func<string, string?> getVariable) =>
        EnvironmentOptions.Read(Preconditions.CheckNotNull(getVariable, nameof(getVariable)));

    /// <summary>Options from values already checked: a key the options may keep, and an audience.</summary>
    internal static ReqioOptions FromCheckedValues(byte[] checkedKey, string checkedAudience) =>
        new(new Hs256Signer(checkedKey), checkedAudience);

    /// <summary>The <c>aud</c> claim of every token.</summary>
    public string Audience { get; }

    /// <summary>
    /// The Reqio project these options mint for: the id in an audience of the form
    /// <c>https://reqio.app/p/{projectId}</c>, or <see langword="null"/> for any other audience.
    /// </summary>
    public string? ProjectId { get; }

    /// <summary>
    /// How long a token lives: <c>exp</c> is <c>iat</c> plus this. Whole seconds from 1 to 3600; the default is
    /// 300 seconds, as Reqio recommends.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is under 1 second, over 3600 seconds, or not whole seconds.</exception>
    public TimeSpan Lifetime
    {
        get => _lifetime;
        init
        {
            LifetimeSeconds = CheckLifetimeAndGetSeconds(value);
            _lifetime = value;
        }
    }

    /// <summary>Where <c>iat</c> comes from; the default is <see cref="ReqioClock.System"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public IReqioClock Clock
    {
        get => _clock;
        init => _clock = Preconditions.CheckNotNull(value, nameof(Clock));
    }

    internal long LifetimeSeconds { get; private init; } = 300;

    private static string? ProjectIdOf(string audience)
    {
        if (!audience.StartsWith(ProjectAudiencePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string id = audience.Substring(ProjectAudiencePrefix.Length);
        return IsProjectId(id) ? id : null;
    }

    /// <summary><c>,"aud":"…","iat":</c>, escaped once here instead of on every token.</summary>
    internal byte[] AudienceClaim { get; }

    internal Hs256Signer Signer => _signer;

    /// <summary>Describes the options without the key, which it shows only as a length.</summary>
    /// <returns>For example <c>ReqioOptions { Audience = https://reqio.app/p/abc, Lifetime = 00:05:00, Clock = ReqioClock.System, Key = (44 bytes, hidden) }</c>.</returns>
    public override string ToString() =>
        $"ReqioOptions {{ Audience = {Audience}, Lifetime = {Lifetime.ToString("c", CultureInfo.InvariantCulture)}, Clock = {Clock}, Key = ({_signer.KeyLength} bytes, hidden) }}";

    /// <summary>Turns a secret into its key: the UTF-8 bytes of the string, at least <see cref="MinKeyLength"/> of them.</summary>
    internal static byte[] CheckSecretAndGetKey(string secret)
    {
        Preconditions.CheckNotNull(secret, nameof(secret));
        if (secret.Length == 0)
        {
            ThrowHelper.Argument(nameof(secret), KeyLengthRule("secret is empty"));
        }

        if (char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[secret.Length - 1]))
        {
            ThrowHelper.Argument(nameof(secret),
                "secret starts or ends with white space (a space, a tab or a line break), which a secret usually picks up from a file or a terminal (a Kubernetes secret made with echo, say). The key must be the secret exactly as Reqio shows it: trim it where you read it.");
        }

        // A lone surrogate would turn into U+FFFD and sign with a key nobody else derives; refuse it instead
        // (the scan finds it without putting the secret's text in the message). What passes is valid UTF-16, which
        // UTF-8 encodes without any replacement.
        JsonString.CheckUtf16AndGetEscapedLength(secret, nameof(secret));
        byte[] key = Encoding.UTF8.GetBytes(secret);
        if (key.Length < MinKeyLength)
        {
            ThrowHelper.Argument(nameof(secret), KeyLengthRule($"secret is {key.Length} bytes of UTF-8"));
        }

        return key;
    }

    /// <summary>Copies raw key bytes, at least <see cref="MinKeyLength"/> of them.</summary>
    private static byte[] CheckAndCopyKey(byte[] key)
    {
        Preconditions.CheckNotNull(key, nameof(key));
        if (key.Length < MinKeyLength)
        {
            ThrowHelper.Argument(nameof(key), KeyLengthRule($"key is {key.Length} bytes"));
        }

        return (byte[])key.Clone();
    }

    private static string KeyLengthRule(string actual) =>
        $"An HS256 key must be at least {MinKeyLength} bytes (RFC 7518 section 3.2); this {actual}. Use your project's secret from the Reqio dashboard (REQIO_SECRET).";

    /// <summary>Checks an audience: an absolute http or https URI with a host, as <see cref="Uri"/> reads it; returns it.</summary>
    internal static string CheckAudience(string audience)
    {
        Preconditions.CheckNotNull(audience, nameof(audience));
        if (audience.Length == 0)
        {
            ThrowHelper.Argument(nameof(audience), "audience must not be empty; Reqio's is https://reqio.app/p/{projectId}.");
        }

        Preconditions.CheckMaxLength(audience, MaxAudienceLength, nameof(audience));
        foreach (char c in audience)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                ThrowHelper.Argument(nameof(audience), "audience must be an absolute http or https URI without white space or control characters.");
            }
        }

        JsonString.CheckUtf16AndGetEscapedLength(audience, nameof(audience));
        if (!Uri.TryCreate(audience, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0)
        {
            ThrowHelper.Argument(nameof(audience),
                "audience must be an absolute http or https URI, such as https://reqio.app/p/{projectId}.");
        }

        return audience;
    }

    /// <summary>Checks a project id (<c>[A-Za-z0-9_-]+</c>, at most <see cref="MaxProjectIdLength"/>); returns it.</summary>
    internal static string CheckProjectId(string projectId)
    {
        Preconditions.CheckNotNull(projectId, nameof(projectId));
        if (projectId.Length is 0 or > MaxProjectIdLength)
        {
            ThrowHelper.Argument(nameof(projectId),
                $"projectId must be 1 to {MaxProjectIdLength} characters; it has {projectId.Length}.");
        }

        if (!IsProjectId(projectId))
        {
            ThrowHelper.Argument(nameof(projectId),
                "projectId may only hold the letters A-Z and a-z, the digits 0-9, '_' and '-'.");
        }

        return projectId;
    }

    /// <summary>Whether <paramref name="value"/> is a project id: 1 to <see cref="MaxProjectIdLength"/> of <c>[A-Za-z0-9_-]</c>.</summary>
    private static bool IsProjectId(string value)
    {
        if (value.Length is 0 or > MaxProjectIdLength)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks a lifetime (whole seconds, 1 to 3600); returns it in seconds.</summary>
    private static long CheckLifetimeAndGetSeconds(TimeSpan lifetime)
    {
        if (lifetime.Ticks % TimeSpan.TicksPerSecond != 0
            || lifetime < TimeSpan.FromSeconds(MinLifetimeSeconds)
            || lifetime > TimeSpan.FromSeconds(MaxLifetimeSeconds))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(Lifetime), lifetime,
                $"Lifetime must be a whole number of seconds from {MinLifetimeSeconds} to {MaxLifetimeSeconds} (one hour); Reqio's default is 300.");
        }

        return lifetime.Ticks / TimeSpan.TicksPerSecond;
    }
}
