using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// A Reqio project as tokens are minted for it: the key made from the project's secret, the audience every token is
/// bound to, the project id the widget's tag names, the tokens' lifetime and the clock. Build one when the
/// application starts and share it: it is immutable once built and safe to use from many threads at once (each thread
/// keeps its own keyed HMAC, so minting takes no lock).
/// </summary>
/// <remarks>
/// <para>
/// Every value is checked when the project is built, by one rule per setting whichever way it is built (the
/// constructors, <see cref="FromProjectId"/>, <see cref="FromEnvironment()"/>, <see cref="FromSettings"/>), so a
/// setting Reqio would refuse fails at start-up rather than as a token the widget ignores. Placeholders are refused in
/// every setting: a value wrapped in <c>&lt;…&gt;</c>, <c>{…}</c> or <c>${…}</c>, a value starting <c>your_</c>,
/// <c>your-</c> or <c>your </c> in any letter case, and a value holding an ellipsis (<c>…</c> or <c>...</c>).
/// </para>
/// <para>The key never appears in <see cref="ToString"/>, in the debugger display or in an exception.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ReqioProject
{
    /// <summary>The most UTF-16 characters an <see cref="Audience"/> may have (256).</summary>
    public const int MaxAudienceLength = 256;

    /// <summary>The most characters a project id may have (128).</summary>
    public const int MaxProjectIdLength = 128;

    /// <summary>The audience of a Reqio project, less its id: Reqio issues exactly <c>https://reqio.app/p/{projectId}</c>.</summary>
    public const string ProjectAudiencePrefix = "https://reqio.app/p/";

    /// <summary>RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits.</summary>
    internal const int MinKeyLength = 32;

    private const string ReqioHost = "reqio.app";
    private const string SecretPrefix = "rq_sk_";
    private const string ProjectPathPrefix = "/p/";
    private const int MinLifetimeSeconds = 1;
    private const int MaxLifetimeSeconds = 3600;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(300);
    private readonly IReqioClock _clock = ReqioClock.System;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly Hs256Signer _signer;

    /// <summary>Creates a project from its secret and its audience.</summary>
    /// <param name="secret">The project's secret (<c>REQIO_SECRET</c>). The key is the UTF-8 bytes of this string, as in every Reqio snippet; it is not base64-decoded.</param>
    /// <param name="audience">
    /// The project's audience (<c>REQIO_AUDIENCE</c>), <c>https://reqio.app/p/{projectId}</c>; on another host (a
    /// local or staging Reqio), any absolute http or https URI.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> or <paramref name="audience"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="secret"/> is a placeholder, wrapped in quotes, holds white space or a control character, is
    /// shorter than 32 bytes of UTF-8, or is not valid UTF-16; or <paramref name="audience"/> breaks the audience
    /// rule (see <see cref="Audience"/>).
    /// </exception>
    public ReqioProject(string secret, string audience)
        : this(new Hs256Signer(CheckSecretAndGetKey(secret)), audience, CheckAudienceAndGetProjectId(audience))
    {
    }

    /// <summary>Creates a project from raw key bytes and an audience, for keys kept as bytes.</summary>
    /// <param name="key">The HMAC key, at least 32 bytes. It is copied: changing the array afterwards changes nothing.</param>
    /// <param name="audience">The project's audience; see <see cref="ReqioProject(string, string)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="audience"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="key"/> is shorter than 32 bytes; or <paramref name="audience"/> breaks the audience rule (see
    /// <see cref="Audience"/>).
    /// </exception>
    public ReqioProject(byte[] key, string audience)
        : this(new Hs256Signer(CheckAndCopyKey(key)), audience, CheckAudienceAndGetProjectId(audience))
    {
    }

    private ReqioProject(Hs256Signer signer, string checkedAudience, string? checkedProjectId)
    {
        AudienceClaim = PayloadJson.BuildAudienceClaim(checkedAudience);
        Audience = checkedAudience;
        ProjectId = checkedProjectId;
        _signer = signer;
    }

    /// <summary>Creates a Reqio project by its id: the audience is <c>https://reqio.app/p/{projectId}</c>.</summary>
    /// <param name="secret">The project's secret; see <see cref="ReqioProject(string, string)"/>.</param>
    /// <param name="projectId">The project's id, letters, digits, <c>_</c> and <c>-</c> (<c>[A-Za-z0-9_-]+</c>).</param>
    /// <returns>The project, with the default lifetime and clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> or <paramref name="projectId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="secret"/> is refused as by <see cref="ReqioProject(string, string)"/>; or
    /// <paramref name="projectId"/> is a placeholder, empty, longer than <see cref="MaxProjectIdLength"/>, or holds a
    /// character outside <c>[A-Za-z0-9_-]</c>.
    /// </exception>
    public static ReqioProject FromProjectId(string secret, string projectId)
    {
        byte[] key = CheckSecretAndGetKey(secret);
        return FromCheckedValues(key, ProjectAudiencePrefix + CheckProjectId(projectId), projectId);
    }

    /// <summary>
    /// Creates a project from this process's environment variables: <c>REQIO_SECRET</c>, and
    /// <c>REQIO_PROJECT_ID</c> or <c>REQIO_AUDIENCE</c> (or both, when they name the same project). An empty variable
    /// counts as unset.
    /// </summary>
    /// <returns>The project, with the default lifetime and clock.</returns>
    /// <exception cref="InvalidOperationException">
    /// A variable is missing, holds a value the constructors refuse, or disagrees with another (see
    /// <see cref="FromSettings"/>). The message names every missing and every refused variable with its rule; the
    /// inner exception is the <see cref="ArgumentException"/> of a refused value, or an
    /// <see cref="AggregateException"/> of them when more than one is refused.
    /// </exception>
    public static ReqioProject FromEnvironment() =>
        ProjectSettings.Read(Environment.GetEnvironmentVariable, ProjectSettings.EnvironmentSource);

    /// <summary>
    /// Creates a project from settings read through <paramref name="getSetting"/>, by the names
    /// <c>REQIO_SECRET</c>, <c>REQIO_PROJECT_ID</c> and <c>REQIO_AUDIENCE</c>. An empty value counts as unset.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>REQIO_SECRET</c> is required, and one of <c>REQIO_PROJECT_ID</c> and <c>REQIO_AUDIENCE</c>. With both, each
    /// is checked by its own rule, and an audience of the form <c>…/p/{projectId}</c> must name the same project as
    /// <c>REQIO_PROJECT_ID</c>; an audience of another form (on a host other than Reqio's) is the tokens' audience,
    /// and <c>REQIO_PROJECT_ID</c> the project's <see cref="ProjectId"/>.
    /// </para>
    /// <para>
    /// In ASP.NET Core, <c>name =&gt; builder.Configuration[name]</c> reads the settings wherever the configuration
    /// finds them: environment variables, user-secrets, <c>appsettings.json</c>. Azure Key Vault secret names cannot
    /// hold <c>_</c>, so a secret kept there is named <c>REQIO-SECRET</c> and the function maps the name.
    /// </para>
    /// </remarks>
    /// <param name="getSetting">
    /// Returns a setting's value by its name, or <see langword="null"/> when it is not set. It is asked for
    /// <c>REQIO_SECRET</c>, <c>REQIO_AUDIENCE</c> and <c>REQIO_PROJECT_ID</c> only.
    /// </param>
    /// <returns>The project, with the default lifetime and clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="getSetting"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// A setting is missing, holds a value the constructors refuse, or disagrees with another. The message names every
    /// missing and every refused setting with its rule; the inner exception is the <see cref="ArgumentException"/> of
    /// a refused value, or an <see cref="AggregateException"/> of them when more than one is refused.
    /// </exception>
    public static ReqioProject FromSettings(Func<string, string?> getSetting) =>
        ProjectSettings.Read(Preconditions.CheckNotNull(getSetting, nameof(getSetting)), ProjectSettings.FunctionSource);

    /// <summary>A project from values already checked: a key the project may keep, an audience and its project id.</summary>
    internal static ReqioProject FromCheckedValues(byte[] checkedKey, string checkedAudience, string? checkedProjectId) =>
        new(new Hs256Signer(checkedKey), checkedAudience, checkedProjectId);

    /// <summary>
    /// The <c>aud</c> claim of every token. On Reqio's host (<c>reqio.app</c> or a name under it, in any letter
    /// case) it is exactly <c>https://reqio.app/p/{projectId}</c>, as Reqio issues it: https, no port, no trailing
    /// slash, query or fragment. On another host it is any absolute http or https URI, as <see cref="Uri"/> reads it,
    /// and a path <c>/p/{segment}</c> names a project, so its segment follows the project id rule. On every host: not
    /// a placeholder, at most <see cref="MaxAudienceLength"/> characters, no white space or control character, valid
    /// UTF-16. The claim is the text given, unchanged.
    /// </summary>
    public string Audience { get; }

    /// <summary>
    /// The project's id: the id in an audience of the form <c>…/p/{projectId}</c>, or the <c>REQIO_PROJECT_ID</c>
    /// read beside an audience of another form; <see langword="null"/> for an audience of another form given alone.
    /// <see cref="ReqioWidget"/> renders the tag of a project whose audience is Reqio's only, since its script is
    /// Reqio's own.
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

    /// <summary><c>,"aud":"…","iat":</c>, escaped once here instead of on every token.</summary>
    internal byte[] AudienceClaim { get; }

    internal Hs256Signer Signer => _signer;

    /// <summary>Describes the project without the key, which it shows only as a length.</summary>
    /// <returns>For example <c>ReqioProject { Audience = https://reqio.app/p/abc, ProjectId = abc, Lifetime = 00:05:00, Clock = ReqioClock.System, Key = (44 bytes, hidden) }</c>.</returns>
    public override string ToString() =>
        $"ReqioProject {{ Audience = {Audience}, ProjectId = {ProjectId ?? "(none)"}, Lifetime = {Lifetime.ToString("c", CultureInfo.InvariantCulture)}, Clock = {Clock}, Key = ({_signer.KeyLength} bytes, hidden) }}";

    /// <summary>
    /// Turns a secret into its key, the UTF-8 bytes of the string: not a placeholder, not wrapped in quotes, no white
    /// space or control character, valid UTF-16, at least <see cref="MinKeyLength"/> bytes. No message shows the secret.
    /// </summary>
    internal static byte[] CheckSecretAndGetKey(string secret)
    {
        const string Name = "secret";
        Preconditions.CheckNotNull(secret, Name);
        if (secret.Length == 0)
        {
            ThrowHelper.Argument(Name, KeyLengthRule("secret is empty"));
        }

        CheckNotPlaceholder(secret, Name, "the project's secret from the Reqio dashboard");
        if (IsQuoteOrComma(secret[0]) || IsQuoteOrComma(secret[secret.Length - 1]))
        {
            ThrowHelper.Argument(Name,
                "secret starts or ends with a quote or a comma, which a shell, an .env or a JSON file shows around a value but which are not part of it: set the secret without them.");
        }

        if (IsBlank(secret[0]) || IsBlank(secret[secret.Length - 1]))
        {
            ThrowHelper.Argument(Name,
                "secret starts or ends with white space or an invisible character (a line break read from a file, say: a Kubernetes secret made with echo; or a byte order mark). The key must be the secret exactly as Reqio shows it: trim it where you read it.");
        }

        for (int i = 1; i < secret.Length - 1; i++)
        {
            if (IsBlank(secret[i]))
            {
                ThrowHelper.Argument(Name,
                    $"secret holds white space or an invisible character at index {i} (a secret broken over two lines, say). The key must be the secret exactly as Reqio shows it, on one line.");
            }
        }

        // A lone surrogate would turn into U+FFFD and sign with a key nobody else derives; refuse it instead (the
        // check names the index, never the text).
        JsonString.CheckUtf16(secret, Name);
        byte[] key = Encoding.UTF8.GetBytes(secret);
        if (key.Length < MinKeyLength)
        {
            ThrowHelper.Argument(Name, KeyLengthRule($"secret is {key.Length} bytes of UTF-8"));
        }

        return key;
    }

    /// <summary>White space, a control character, or an invisible format character (a byte order mark, a zero-width space).</summary>
    private static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsQuoteOrComma(char c) => c is '"' or '\'' or ',' or '\u201C' or '\u201D' or '\u2018' or '\u2019';

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

    /// <summary>Checks an audience by the rule <see cref="Audience"/> states; returns the project id it names, if any.</summary>
    internal static string? CheckAudienceAndGetProjectId(string audience)
    {
        const string Name = "audience";
        Preconditions.CheckNotNull(audience, Name);
        if (audience.Length == 0)
        {
            ThrowHelper.Argument(Name, $"audience must not be empty; Reqio's is {ProjectAudiencePrefix}{{projectId}}.");
        }

        CheckNotPlaceholder(audience, Name, $"the project's audience, {ProjectAudiencePrefix} and its id");
        Preconditions.CheckMaxLength(audience, MaxAudienceLength, Name);
        foreach (char c in audience)
        {
            if (IsBlank(c))
            {
                ThrowHelper.Argument(Name, "audience must be an absolute http or https URI without white space, control or invisible characters.");
            }
        }

        JsonString.CheckUtf16(audience, Name);
        if (!Uri.TryCreate(audience, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0)
        {
            ThrowHelper.Argument(Name, $"audience must be an absolute http or https URI, such as {ProjectAudiencePrefix}{{projectId}}.");
        }

        if (uri.UserInfo.Length > 0)
        {
            // A user name or password in the claim would travel in every token, and in this message.
            ThrowHelper.Argument(Name, "audience must not hold a user name or password (user:password@host).");
        }

        if (IsReqioHost(uri.Host))
        {
            // Reqio issues one form; anything else on its host is a near miss the widget would refuse.
            if (!audience.StartsWith(ProjectAudiencePrefix, StringComparison.Ordinal))
            {
                ThrowHelper.Argument(Name,
                    $"audience on Reqio's host must be exactly {ProjectAudiencePrefix}{{projectId}}, as Reqio issues it: https, the host in lower case, no port, user or trailing dot. Copy it from the Reqio dashboard, or set the project id alone (REQIO_PROJECT_ID, ReqioProject.FromProjectId).");
            }

            return CheckProjectIdIn(audience, audience.Substring(ProjectAudiencePrefix.Length));
        }

        // Another host: a path /p/{segment} names a project, and a query or fragment would make it another form.
        string path = uri.AbsolutePath;
        return uri.Query.Length == 0 && uri.Fragment.Length == 0
            && path.StartsWith(ProjectPathPrefix, StringComparison.Ordinal)
            && path.Length > ProjectPathPrefix.Length
            && path.IndexOf('/', ProjectPathPrefix.Length) < 0
            ? CheckProjectIdIn(audience, path.Substring(ProjectPathPrefix.Length))
            : null;
    }

    /// <summary>Checks the project id an audience ends with, under the audience's name; returns it.</summary>
    private static string CheckProjectIdIn(string audience, string projectId)
    {
        const string Name = "audience";
        if (projectId.Length == 0 || projectId.IndexOfAny(['/', '?', '#']) >= 0)
        {
            ThrowHelper.Argument(Name,
                $"audience must end with the project id after /p/, with no trailing slash, query or fragment: {ProjectAudiencePrefix}{{projectId}}. It is {audience}.");
        }

        CheckNotPlaceholder(projectId, Name, "the project id, as the Reqio dashboard shows it");
        CheckNotSecret(projectId, Name);
        if (!IsProjectId(projectId))
        {
            ThrowHelper.Argument(Name,
                $"audience names a project id that breaks the project id rule: 1 to {MaxProjectIdLength} of the letters A-Z and a-z, the digits 0-9, '_' and '-'. It is {audience}.");
        }

        return projectId;
    }

    /// <summary>Checks a project id (not a placeholder, <c>[A-Za-z0-9_-]+</c>, at most <see cref="MaxProjectIdLength"/>); returns it.</summary>
    internal static string CheckProjectId(string projectId)
    {
        const string Name = "projectId";
        Preconditions.CheckNotNull(projectId, Name);
        CheckNotPlaceholder(projectId, Name, "the project id, as the Reqio dashboard shows it");
        CheckNotSecret(projectId, Name);
        if (projectId.Length is 0 or > MaxProjectIdLength)
        {
            ThrowHelper.Argument(Name, $"projectId must be 1 to {MaxProjectIdLength} characters; it has {projectId.Length}.");
        }

        if (!IsProjectId(projectId))
        {
            ThrowHelper.Argument(Name, "projectId may only hold the letters A-Z and a-z, the digits 0-9, '_' and '-'.");
        }

        return projectId;
    }

    /// <summary>
    /// Checks that an audience's project (<paramref name="audienceProjectId"/>, or <see langword="null"/> for an
    /// audience of another form) and a project id given beside it name the same project.
    /// </summary>
    internal static void CheckSameProject(string? audienceProjectId, string projectId, string audienceName, string projectIdName)
    {
        if (audienceProjectId is not null && audienceProjectId != projectId)
        {
            ThrowHelper.Argument(nameof(projectId),
                $"{audienceName} names the project {audienceProjectId} and {projectIdName} the project {projectId}: tokens would be bound to one project and the widget would load another. Set one of the two, or both for the same project.");
        }
    }

    /// <summary>
    /// Refuses a placeholder: a value wrapped in <c>&lt;…&gt;</c>, <c>{…}</c> or <c>${…}</c>; starting <c>your_</c>,
    /// <c>your-</c> or <c>your </c> in any letter case; or holding an ellipsis (<c>…</c> or <c>...</c>). The message
    /// says which, never the value (it may be a secret).
    /// </summary>
    private static void CheckNotPlaceholder(string value, string name, string what)
    {
        string? form = null;
        if (IsWrapped(value, "<", ">") || IsWrapped(value, "{", "}") || IsWrapped(value, "${", "}"))
        {
            form = "it is wrapped in <...>, {...} or ${...}";
        }
        else if (value.Length > 4 && value.StartsWith("your", StringComparison.OrdinalIgnoreCase) && value[4] is '_' or '-' or ' ')
        {
            form = "it starts with \"your\"";
        }
        else if (value.IndexOf('\u2026') >= 0 || value.IndexOf("...", StringComparison.Ordinal) >= 0)
        {
            form = "it holds an ellipsis";
        }

        if (form is not null)
        {
            ThrowHelper.Argument(name, $"{name} is a placeholder ({form}), not a setting: set it to {what}.");
        }
    }

    /// <summary>
    /// Refuses a Reqio secret (<c>rq_sk_…</c>) where a project id goes: it would be printed in every page's tag and
    /// in messages. The message does not show it.
    /// </summary>
    private static void CheckNotSecret(string value, string name)
    {
        if (value.StartsWith(SecretPrefix, StringComparison.OrdinalIgnoreCase))
        {
            ThrowHelper.Argument(name,
                $"{name} holds a Reqio secret ({SecretPrefix}…), not a project id: the secret goes in REQIO_SECRET only, and the project id is the one the Reqio dashboard shows beside it.");
        }
    }

    private static bool IsWrapped(string value, string open, string close) =>
        value.Length > open.Length + close.Length
        && value.StartsWith(open, StringComparison.Ordinal)
        && value.EndsWith(close, StringComparison.Ordinal);

    /// <summary>Whether a URI's host is Reqio's: <c>reqio.app</c> or a name under it, in any letter case, a trailing dot ignored.</summary>
    private static bool IsReqioHost(string host)
    {
        string name = host.EndsWith(".", StringComparison.Ordinal) ? host.Substring(0, host.Length - 1) : host;
        return name.Equals(ReqioHost, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + ReqioHost, StringComparison.OrdinalIgnoreCase);
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
