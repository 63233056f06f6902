using System.Globalization;
using System.IO;

namespace Reqio.Sdk;

/// <summary>
/// Renders the Reqio widget's script tag for server-rendered pages:
/// <c>&lt;script src="https://reqio.app/widget.js" data-project-id="…" data-identity-token="…" async&gt;&lt;/script&gt;</c>
/// for a signed-in user, the same without <c>data-identity-token</c> for an anonymous visitor, and
/// <c>nonce="…"</c> before <c>async</c> when a Content-Security-Policy nonce is given.
/// </summary>
/// <remarks>
/// The project id comes from the <see cref="ReqioProject"/> the token is minted with, so the tag and the token's
/// audience cannot name different projects; and since the script is Reqio's own, the project's audience must be
/// Reqio's, <c>https://reqio.app/p/{projectId}</c> (a project on another host, a local or staging Reqio, is refused). Every value is checked before any HTML is written: the token is a
/// compact JWS (three base64url parts, as <see cref="ReqioToken"/> mints), the nonce is base64 or base64url, and the
/// project id is <c>[A-Za-z0-9_-]+</c>. None of these characters needs encoding in a double-quoted attribute, so
/// the values are written as they are.
/// </remarks>
public static class ReqioWidget
{
    /// <summary>The widget's script URL.</summary>
    public const string ScriptUrl = "https://reqio.app/widget.js";

    /// <summary>The most characters a CSP nonce may have (256).</summary>
    public const int MaxNonceLength = 256;

    /// <summary>Renders the script tag for a signed-in user.</summary>
    /// <param name="project">The project the token was minted with; its <see cref="ReqioProject.ProjectId"/> is the tag's project.</param>
    /// <param name="identityToken">A token from <see cref="ReqioToken.Mint(ReqioUser, ReqioProject)"/>.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <returns>The tag, one line of HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="project"/> or <paramref name="identityToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="project"/>'s audience is not Reqio's (<c>https://reqio.app/p/{projectId}</c>); <paramref name="identityToken"/> is not
    /// three base64url parts joined by dots or is longer than <see cref="ReqioToken.MaxTokenLength"/>; or
    /// <paramref name="nonce"/> is empty, longer than <see cref="MaxNonceLength"/> or not base64/base64url.
    /// </exception>
    public static string ScriptTag(ReqioProject project, string identityToken, string? nonce = null)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteScriptTag(writer, project, identityToken, nonce);
        return writer.ToString();
    }

    /// <summary>Writes the script tag for a signed-in user to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write the HTML, such as a Razor page's or a response's writer.</param>
    /// <param name="project">The project the token was minted with; its <see cref="ReqioProject.ProjectId"/> is the tag's project.</param>
    /// <param name="identityToken">A token from <see cref="ReqioToken.Mint(ReqioUser, ReqioProject)"/>.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="project"/> or <paramref name="identityToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ScriptTag"/>; nothing has been written.</exception>
    public static void WriteScriptTag(TextWriter writer, ReqioProject project, string identityToken, string? nonce = null)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        string projectId = ProjectIdOf(project);
        CheckIdentityToken(identityToken);
        CheckNonce(nonce);
        Write(writer, projectId, identityToken, nonce);
    }

    /// <summary>
    /// Renders the script tag for an anonymous visitor: the widget loads without a token, and the page can identify
    /// the user later with <c>Reqio.identify(token)</c>.
    /// </summary>
    /// <param name="project">The project; its <see cref="ReqioProject.ProjectId"/> is the tag's project.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <returns>The tag, one line of HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="project"/>'s audience is not Reqio's (<c>https://reqio.app/p/{projectId}</c>); or <paramref name="nonce"/> is empty,
    /// longer than <see cref="MaxNonceLength"/> or not base64/base64url.
    /// </exception>
    public static string AnonymousScriptTag(ReqioProject project, string? nonce = null)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteAnonymousScriptTag(writer, project, nonce);
        return writer.ToString();
    }

    /// <summary>Writes the script tag for an anonymous visitor, without a token, to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write the HTML, such as a Razor page's or a response's writer.</param>
    /// <param name="project">The project; its <see cref="ReqioProject.ProjectId"/> is the tag's project.</param>
    /// <param name="nonce">The page's Content-Security-Policy nonce (base64 or base64url), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="AnonymousScriptTag"/>; nothing has been written.</exception>
    public static void WriteAnonymousScriptTag(TextWriter writer, ReqioProject project, string? nonce = null)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        string projectId = ProjectIdOf(project);
        CheckNonce(nonce);
        Write(writer, projectId, identityToken: null, nonce);
    }

    /// <summary>Writes the tag from checked values, none of which needs encoding in an attribute.</summary>
    private static void Write(TextWriter writer, string projectId, string? identityToken, string? nonce)
    {
        writer.Write("<script src=\"");
        writer.Write(ScriptUrl);
        writer.Write("\" data-project-id=\"");
        writer.Write(projectId);
        if (identityToken is not null)
        {
            writer.Write("\" data-identity-token=\"");
            writer.Write(identityToken);
        }

        if (nonce is not null)
        {
            writer.Write("\" nonce=\"");
            writer.Write(nonce);
        }

        writer.Write("\" async></script>");
    }

    /// <summary>
    /// The project's id; refuses a project whose audience is not Reqio's: the script is Reqio's own, and it accepts
    /// only tokens bound to <c>https://reqio.app/p/{projectId}</c>.
    /// </summary>
    private static string ProjectIdOf(ReqioProject project)
    {
        Preconditions.CheckNotNull(project, nameof(project));
        if (!project.Audience.StartsWith(ReqioProject.ProjectAudiencePrefix, StringComparison.Ordinal) || project.ProjectId is null)
        {
            ThrowHelper.Argument(nameof(project),
                $"project's audience, {project.Audience}, is not Reqio's: the widget's script, {ScriptUrl}, accepts only tokens bound to {ReqioProject.ProjectAudiencePrefix}{{projectId}}. Set REQIO_PROJECT_ID alone, or build the project with ReqioProject.FromProjectId(secret, projectId).");
        }

        return project.ProjectId;
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

    /// <summary>Checks a Content-Security-Policy nonce, if any: base64 or base64url, with up to two '=' of padding.</summary>
    private static void CheckNonce(string? nonce)
    {
        if (nonce is null)
        {
            return;
        }

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
