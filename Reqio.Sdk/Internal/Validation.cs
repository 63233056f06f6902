using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Reqio.Sdk;

/// <summary>
/// Every rule a value must meet before it can go into a token, in one place. Each check runs when the value enters
/// the SDK (a constructor or factory), so minting never meets a bad value. Checks that scan a string also measure it
/// for the encoder (its escaped JSON length, and whether it is plain), so each value is read once on its way in.
/// </summary>
internal static class Validation
{
    /// <summary>RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits.</summary>
    public const int MinKeyLength = 32;

    public const int MinLifetimeSeconds = 1;
    public const int MaxLifetimeSeconds = 3600;

    public static T NotNull<T>([NotNull] T? value, string paramName)
        where T : class
    {
        if (value is null)
        {
            ThrowHelper.ArgumentNull(paramName);
        }

        return value;
    }

    /// <summary>Checks a user's values; measures their claims as written, in the same pass.</summary>
    public static MeasuredJson User(string id, string? email, ReqioTraits? traits)
    {
        NotNull(id, nameof(id));
        if (IsBlank(id))
        {
            ThrowHelper.Argument(nameof(id), "id must not be empty or white space only: it becomes the token's sub claim, which identifies the user.");
        }

        MaxLength(id, ReqioUser.MaxIdLength, nameof(id));
        int idLength = JsonString.GetEscapedLength(id, nameof(id));
        int emailLength = email is null ? -1 : Email(email);

        // Escaping lengthens every character JSON does not take as it is, so a string is plain when it keeps its length.
        bool plain = idLength == id.Length && (email is null || emailLength == email.Length) && (traits?.IsPlainText ?? true);
        return new MeasuredJson(PayloadJson.MeasureUser(idLength, emailLength, traits?.JsonLength ?? 0), plain);
    }

    /// <summary>Checks a trait set's values; measures its JSON object (0 when it is empty), in the same pass.</summary>
    public static MeasuredJson Traits(string? plan, long? amountCents, BillingInterval? interval)
    {
        int planLength = -1;
        if (plan is not null)
        {
            if (IsBlank(plan))
            {
                ThrowHelper.Argument(nameof(plan), "plan must be null (no plan) or a name that is not empty or white space only.");
            }

            MaxLength(plan, ReqioTraits.MaxPlanLength, nameof(plan));
            planLength = JsonString.GetEscapedLength(plan, nameof(plan));
        }

        if (amountCents is < 0 or > ReqioTraits.MaxAmountCents)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(amountCents), amountCents.Value,
                $"amountCents must be whole cents from 0 to {ReqioTraits.MaxAmountCents} (2^53 - 1, the largest integer every JSON parser reads exactly).");
        }

        if (interval is { } value && value != BillingInterval.Month && value != BillingInterval.Year)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(interval), value,
                "interval must be BillingInterval.Month or BillingInterval.Year.");
        }

        if (amountCents is not null && interval is null)
        {
            ThrowHelper.Argument(nameof(interval),
                "interval must be given with amountCents: Reqio reads a monthly amount as is and divides a yearly one by 12.");
        }

        return new MeasuredJson(PayloadJson.MeasureTraits(planLength, amountCents, interval), plan is null || planLength == plan.Length);
    }

    /// <summary>Checks an email address; returns its escaped length.</summary>
    /// <remarks>
    /// Deliberately loose: internationalized addresses and anything else a mail system may accept pass through as
    /// given. Only what is certainly not an address is refused.
    /// </remarks>
    public static int Email(string email)
    {
        const string Name = "email";
        if (email.Length == 0)
        {
            ThrowHelper.Argument(Name, "email must be null (no email) or an address, not empty.");
        }

        MaxLength(email, ReqioUser.MaxEmailLength, Name);
        int length = JsonString.GetEscapedLength(email, Name);

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

    /// <summary>Checks an audience; returns its escaped length.</summary>
    public static int Audience(string audience)
    {
        NotNull(audience, nameof(audience));
        if (audience.Length == 0)
        {
            ThrowHelper.Argument(nameof(audience), "audience must not be empty; Reqio's is https://reqio.app/p/{projectId}.");
        }

        MaxLength(audience, ReqioOptions.MaxAudienceLength, nameof(audience));
        foreach (char c in audience)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                ThrowHelper.Argument(nameof(audience), "audience must be an absolute http or https URI without white space or control characters.");
            }
        }

        int length = JsonString.GetEscapedLength(audience, nameof(audience));
        if (!HttpUri.IsAbsolute(audience))
        {
            ThrowHelper.Argument(nameof(audience),
                "audience must be an absolute http or https URI, such as https://reqio.app/p/{projectId}.");
        }

        return length;
    }

    /// <summary>Checks a project id (<c>[A-Za-z0-9_-]+</c>, at most <see cref="ReqioOptions.MaxProjectIdLength"/>); returns it.</summary>
    public static string ProjectId(string projectId)
    {
        NotNull(projectId, nameof(projectId));
        if (projectId.Length is 0 or > ReqioOptions.MaxProjectIdLength)
        {
            ThrowHelper.Argument(nameof(projectId),
                $"projectId must be 1 to {ReqioOptions.MaxProjectIdLength} characters; it has {projectId.Length}.");
        }

        if (!IsProjectId(projectId))
        {
            ThrowHelper.Argument(nameof(projectId),
                "projectId may only hold the letters A-Z and a-z, the digits 0-9, '_' and '-'.");
        }

        return projectId;
    }

    /// <summary>Whether <paramref name="value"/> is a project id: 1 to 128 of <c>[A-Za-z0-9_-]</c>.</summary>
    public static bool IsProjectId(string value)
    {
        if (value.Length is 0 or > ReqioOptions.MaxProjectIdLength)
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

    /// <summary>Checks a token for the widget: three base64url parts joined by dots, as <see cref="ReqioToken"/> mints.</summary>
    public static void IdentityToken(string identityToken)
    {
        NotNull(identityToken, nameof(identityToken));
        int dots = 0;
        bool emptyPart = identityToken.Length == 0 || identityToken[0] == '.' || identityToken[identityToken.Length - 1] == '.';
        for (int i = 0; i < identityToken.Length; i++)
        {
            char c = identityToken[i];
            if (c == '.')
            {
                dots++;
                emptyPart |= i > 0 && identityToken[i - 1] == '.';
            }
            else if (!IsBase64UrlChar(c))
            {
                dots = -1;
                break;
            }
        }

        if (dots != 2 || emptyPart || identityToken.Length > ReqioToken.MaxTokenLength)
        {
            ThrowHelper.Argument(nameof(identityToken),
                $"identityToken must be a token from ReqioToken.Mint: three base64url parts (A-Z a-z 0-9 - _) joined by dots, at most {ReqioToken.MaxTokenLength} characters.");
        }
    }

    /// <summary>Checks a Content-Security-Policy nonce: base64 or base64url, with up to two '=' of padding.</summary>
    public static void Nonce(string nonce)
    {
        int end = nonce.Length;
        while (end > 0 && end > nonce.Length - 2 && nonce[end - 1] == '=')
        {
            end--;
        }

        bool valid = end > 0 && nonce.Length <= ReqioWidget.MaxNonceLength;
        for (int i = 0; valid && i < end; i++)
        {
            valid = IsBase64UrlChar(nonce[i]) || nonce[i] is '+' or '/';
        }

        if (!valid)
        {
            ThrowHelper.Argument(nameof(nonce),
                $"nonce must be null or a CSP nonce of 1 to {ReqioWidget.MaxNonceLength} base64 or base64url characters (A-Z a-z 0-9 + / - _, then up to two '=').");
        }
    }

    /// <summary>Turns a secret into its key: the UTF-8 bytes of the string, at least 32 of them.</summary>
    public static byte[] SecretKey(string secret)
    {
        NotNull(secret, nameof(secret));
        if (secret.Length == 0)
        {
            ThrowHelper.Argument(nameof(secret), SecretLengthRule("secret is empty"));
        }

        if (char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[secret.Length - 1]))
        {
            ThrowHelper.Argument(nameof(secret),
                "secret starts or ends with white space (a space, a tab or a line break), which a secret usually picks up from a file or a terminal (a Kubernetes secret made with echo, say). The key must be the secret exactly as Reqio shows it: trim it where you read it.");
        }

        // A lone surrogate would turn into U+FFFD and sign with a key nobody else derives; refuse it instead
        // (measuring as JSON finds it without putting the secret's text in the message). What passes is valid
        // UTF-16, which UTF-8 encodes without any replacement.
        JsonString.GetEscapedLength(secret, nameof(secret));
        byte[] key = Encoding.UTF8.GetBytes(secret);
        if (key.Length < MinKeyLength)
        {
            ThrowHelper.Argument(nameof(secret), SecretLengthRule($"secret is {key.Length} bytes of UTF-8"));
        }

        return key;
    }

    /// <summary>Copies raw key bytes, at least 32 of them.</summary>
    public static byte[] Key(byte[] key)
    {
        NotNull(key, nameof(key));
        if (key.Length < MinKeyLength)
        {
            ThrowHelper.Argument(nameof(key), SecretLengthRule($"key is {key.Length} bytes"));
        }

        return (byte[])key.Clone();
    }

    /// <summary>Checks a lifetime; returns it in seconds.</summary>
    public static long Lifetime(TimeSpan lifetime)
    {
        if (lifetime.Ticks % TimeSpan.TicksPerSecond != 0
            || lifetime < TimeSpan.FromSeconds(MinLifetimeSeconds)
            || lifetime > TimeSpan.FromSeconds(MaxLifetimeSeconds))
        {
            ThrowHelper.ArgumentOutOfRange("Lifetime", TimeText.Constant(lifetime),
                $"Lifetime must be a whole number of seconds from {MinLifetimeSeconds} to {MaxLifetimeSeconds} (one hour); Reqio's default is 300.");
        }

        return lifetime.Ticks / TimeSpan.TicksPerSecond;
    }

    private static string SecretLengthRule(string actual) =>
        $"An HS256 key must be at least {MinKeyLength} bytes (RFC 7518 section 3.2); this {actual}. Use your project's secret from the Reqio dashboard (REQIO_SECRET).";

    private static void MaxLength(string value, int max, string paramName)
    {
        if (value.Length > max)
        {
            ThrowHelper.Argument(paramName,
                $"{paramName} must be at most {max} characters so every token fits in {ReqioToken.MaxTokenLength} characters; it has {value.Length}.");
        }
    }

    private static bool IsBase64UrlChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

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

    private static bool IsBlank(string value)
    {
        foreach (char c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
