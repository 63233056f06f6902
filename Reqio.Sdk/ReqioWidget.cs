using System.IO;

// RS0026 asks that overloads not each take optional parameters. These pairs differ in their second (or first)
// parameter's type, a project id string or the options, so no call but one passing an untyped null there resolves
// ambiguously, and that one does not compile rather than pick the wrong overload.
#pragma warning disable RS0026

namespace Reqio.Sdk;

/// <summary>
/// Renders the Reqio widget's script tag for server-rendered pages:
/// <c>&lt;script src="https://reqio.app/widget.js" data-project-id="…" data-identity-token="…" async&gt;&lt;/script&gt;</c>,
/// with <c>nonce="…"</c> before <c>async</c> when a Content-Security-Policy nonce is given.
/// </summary>
/// <remarks>
/// Every value is checked before any HTML is written: the project id is <c>[A-Za-z0-9_-]+</c>, the token is a
/// compact JWS (three base64url parts, as <see cref="ReqioToken"/> mints), the nonce is base64 or base64url. No
/// value that passes can leave its attribute; each is HTML-attribute-encoded all the same.
/// <para>
/// Without a project id at hand, take it from the options: <see cref="ReqioOptions.ProjectId"/> is the id in
/// <c>REQIO_PROJECT_ID</c> or in an audience of the form <c>https://reqio.app/p/{projectId}</c>.
/// </para>
/// </remarks>
public static class ReqioWidget
{
    /// <summary>The widget's script URL.</summary>
    public const string ScriptUrl = "https://reqio.app/widget.js";

    /// <summary>The most characters a CSP nonce may have (256).</summary>
    public const int MaxNonceLength = 256;

    /// <summary>Renders the script tag.</summary>
    /// <param name="projectId">The Reqio project's id, <c>[A-Za-z0-9_-]+</c>.</param>
    /// <param name="identityToken">A token from <see cref="ReqioToken.Mint(ReqioUser, ReqioOptions)"/>.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <returns>The tag, one line of HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="projectId"/> or <paramref name="identityToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="projectId"/> is empty, longer than <see cref="ReqioOptions.MaxProjectIdLength"/> or holds a
    /// character outside <c>[A-Za-z0-9_-]</c>; <paramref name="identityToken"/> is not three base64url parts joined
    /// by dots or is longer than <see cref="ReqioToken.MaxTokenLength"/>; or <paramref name="nonce"/> is empty,
    /// longer than <see cref="MaxNonceLength"/> or not base64/base64url.
    /// </exception>
    public static string ScriptTag(string projectId, string identityToken, string? nonce = null)
    {
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteScriptTag(writer, projectId, identityToken, nonce);
        return writer.ToString();
    }

    /// <summary>Renders the script tag for the project <paramref name="options"/> mint for.</summary>
    /// <param name="options">The options the token was minted with; their <see cref="ReqioOptions.ProjectId"/> is the project.</param>
    /// <param name="identityToken">A token from <see cref="ReqioToken.Mint(ReqioUser, ReqioOptions)"/>.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <returns>The tag, one line of HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="identityToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="options"/> have no <see cref="ReqioOptions.ProjectId"/> (their audience is not
    /// <c>https://reqio.app/p/{projectId}</c>; the message says how to set one); or <paramref name="identityToken"/>
    /// or <paramref name="nonce"/> is refused as by <see cref="ScriptTag(string, string, string?)"/>.
    /// </exception>
    public static string ScriptTag(ReqioOptions options, string identityToken, string? nonce = null) =>
        ScriptTag(ProjectIdOf(options), identityToken, nonce);

    /// <summary>Writes the script tag to <paramref name="writer"/> without building intermediate strings.</summary>
    /// <param name="writer">Where to write the HTML, such as a Razor page's or a response's writer.</param>
    /// <param name="projectId">The Reqio project's id, <c>[A-Za-z0-9_-]+</c>.</param>
    /// <param name="identityToken">A token from <see cref="ReqioToken.Mint(ReqioUser, ReqioOptions)"/>.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="projectId"/> or <paramref name="identityToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ScriptTag(string, string, string?)"/>; nothing has been written.</exception>
    public static void WriteScriptTag(TextWriter writer, string projectId, string identityToken, string? nonce = null)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        ReqioOptions.CheckProjectId(projectId);
        CheckIdentityToken(identityToken);
        if (nonce is not null)
        {
            CheckNonce(nonce);
        }

        writer.Write("<script src=\"");
        writer.Write(ScriptUrl);
        writer.Write("\" data-project-id=\"");
        HtmlAttribute.Write(writer, projectId);
        writer.Write("\" data-identity-token=\"");
        HtmlAttribute.Write(writer, identityToken);
        if (nonce is not null)
        {
            writer.Write("\" nonce=\"");
            HtmlAttribute.Write(writer, nonce);
        }

        writer.Write("\" async></script>");
    }

    /// <summary>Writes the script tag for the project <paramref name="options"/> mint for to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write the HTML, such as a Razor page's or a response's writer.</param>
    /// <param name="options">The options the token was minted with; their <see cref="ReqioOptions.ProjectId"/> is the project.</param>
    /// <param name="identityToken">A token from <see cref="ReqioToken.Mint(ReqioUser, ReqioOptions)"/>.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="options"/> or <paramref name="identityToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ScriptTag(ReqioOptions, string, string?)"/>; nothing has been written.</exception>
    public static void WriteScriptTag(TextWriter writer, ReqioOptions options, string identityToken, string? nonce = null)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        WriteScriptTag(writer, ProjectIdOf(options), identityToken, nonce);
    }

    /// <summary>The options' project id; refuses options whose audience names no Reqio project, saying how to name one.</summary>
    private static string ProjectIdOf(ReqioOptions options)
    {
        Preconditions.CheckNotNull(options, nameof(options));
        string? projectId = options.ProjectId;
        if (projectId is null)
        {
            ThrowHelper.Argument(nameof(options),
                $"options have no ProjectId: their audience, {options.Audience}, is not {ReqioOptions.ProjectAudiencePrefix}{{projectId}}. Set REQIO_AUDIENCE to {ReqioOptions.ProjectAudiencePrefix}{{projectId}} (or remove it and set REQIO_PROJECT_ID), or build the options with ReqioOptions.ForProject(secret, projectId).");
        }

        return projectId;
    }

    /// <summary>Checks a token for the widget: three base64url parts joined by dots, as <see cref="ReqioToken"/> mints.</summary>
    private static void CheckIdentityToken(string identityToken)
    {
        Preconditions.CheckNotNull(identityToken, nameof(identityToken));
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
    private static void CheckNonce(string nonce)
    {
        int end = nonce.Length;
        while (end > 0 && end > nonce.Length - 2 && nonce[end - 1] == '=')
        {
            end--;
        }

        bool valid = end > 0 && nonce.Length <= MaxNonceLength;
        for (int i = 0; valid && i < end; i++)
        {
            valid = IsBase64UrlChar(nonce[i]) || nonce[i] is '+' or '/';
        }

        if (!valid)
        {
            ThrowHelper.Argument(nameof(nonce),
                $"nonce must be null or a CSP nonce of 1 to {MaxNonceLength} base64 or base64url characters (A-Z a-z 0-9 + / - _, then up to two '=').");
        }
    }

    private static bool IsBase64UrlChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
