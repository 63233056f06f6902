using System.Buffers.Text;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// Checks every response of one endpoint, for one worker of the load generator: status 200, <c>no-store</c> where the
/// response carries a token for a signed-in user, and a body that is, byte for byte, the last body this check
/// verified, or else one it verifies now by the endpoint's <see cref="ResponseShape"/>. A token is verified as three
/// base64url parts whose signature is the HMAC-SHA256 of the first two under the reference key, then read apart by
/// <see cref="Reference.Verify"/> (header, signature, the endpoint's user's claims, its age); the JSON must hold that
/// token, its expiry and the reference project's id and nothing else; the page must be the reference page, with the
/// widget's script tag for that token or with no script at all. Every endpoint answers the same body for a second at
/// least, so a body is verified once rather than once a response, and the generator's core keeps its headroom.
/// </summary>
internal sealed class ResponseCheck(TokenEndpoint endpoint) : IDisposable
{
    private static readonly string[] s_jsonNames = ["token", "expiresAt", "projectId"];

    private readonly HMACSHA256 _hmac = new(Reference.Key);
    private readonly byte[] _mac = new byte[HMACSHA256.HashSizeInBytes];
    private readonly byte[] _signature = new byte[Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes)];
    private byte[] _verified = [];

    /// <summary>What the check verifies of a response of <paramref name="shape"/>, for the review's progress.</summary>
    public static string Verifies(ResponseShape shape) => shape switch
    {
        ResponseShape.Token => "a valid token for the reference user",
        ResponseShape.TokenJson => "no-store JSON with a valid token for the signed-in user, its expiry and the project id",
        ResponseShape.PageWithWidget => "no-store page with the widget's script tag and a valid token for the signed-in user",
        _ => "the page for the signed-in user, without a script or a token",
    };

    /// <summary>Throws unless the response is what the endpoint must answer.</summary>
    public void Check(HttpStatusCode status, bool noStore, ReadOnlySpan<byte> body)
    {
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{endpoint}: status {(int)status}, not 200");
        }

        if (!noStore && endpoint.Shape is ResponseShape.TokenJson or ResponseShape.PageWithWidget)
        {
            throw new InvalidOperationException($"{endpoint}: a token without Cache-Control: no-store");
        }

        if (body.SequenceEqual(_verified))
        {
            return;
        }

        switch (endpoint.Shape)
        {
            case ResponseShape.Token:
                VerifyToken(body);
                break;
            case ResponseShape.TokenJson:
                VerifyJson(body);
                break;
            default:
                VerifyPage(body);
                break;
        }

        _verified = body.ToArray();
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>Verifies a token's signature and claims; returns it as a string.</summary>
    private string VerifyToken(ReadOnlySpan<byte> token)
    {
        int first = token.IndexOf((byte)'.');
        int last = token.LastIndexOf((byte)'.');
        if (first <= 0 || last <= first + 1 || last == token.Length - 1 || token[(first + 1)..last].Contains((byte)'.'))
        {
            throw new InvalidOperationException($"{endpoint}: not three base64url parts: {Encoding.ASCII.GetString(token)}");
        }

        _hmac.TryComputeHash(token[..last], _mac, out _);
        Base64Url.EncodeToUtf8(_mac, _signature);
        if (!token[(last + 1)..].SequenceEqual(_signature))
        {
            throw new InvalidOperationException($"{endpoint}: the signature does not verify with the key");
        }

        string text = Encoding.ASCII.GetString(token);
        Reference.Verify(text, endpoint.User, endpoint.Path, endpoint.MaxAge);
        return text;
    }

    private void VerifyJson(ReadOnlySpan<byte> body)
    {
        JsonObject json = JsonNode.Parse(body) as JsonObject ?? throw Wrong("not a JSON object", body);
        if (!json.Select(p => p.Key).SequenceEqual(s_jsonNames))
        {
            throw Wrong("not {token, expiresAt, projectId}", body);
        }

        string token = VerifyToken(Encoding.ASCII.GetBytes((string?)json["token"] ?? throw Wrong("no token", body)));
        if ((long?)json["expiresAt"] != (long)Jwt.Payload(token)["exp"]! || (string?)json["projectId"] != Reference.Options.ProjectId)
        {
            throw Wrong("expiresAt is not the token's exp, or projectId is not the project's", body);
        }
    }

    private void VerifyPage(ReadOnlySpan<byte> body)
    {
        string page = Encoding.UTF8.GetString(body);
        string signedIn = $"<h1>Your account</h1>\n<p>Signed in as {HtmlEncoder.Default.Encode(endpoint.User.Email!)}.</p>";
        if (!page.Contains(signedIn, StringComparison.Ordinal) || page.Contains("reqio-widget", StringComparison.Ordinal))
        {
            throw Wrong("not the reference page for the signed-in user", body);
        }

        int scripts = page.Split("<script", StringSplitOptions.None).Length - 1;
        if (endpoint.Shape == ResponseShape.Page)
        {
            if (scripts != 0)
            {
                throw Wrong("a script on the page without the widget", body);
            }

            return;
        }

        const string TokenAttribute = "data-identity-token=\"";
        int at = page.IndexOf(TokenAttribute, StringComparison.Ordinal);
        int end = at < 0 ? -1 : page.IndexOf('"', at + TokenAttribute.Length);
        if (scripts != 1 || end < 0)
        {
            throw Wrong("not one script tag with a token", body);
        }

        string token = VerifyToken(Encoding.ASCII.GetBytes(page[(at + TokenAttribute.Length)..end]));
        if (!page.Contains(ReqioWidget.ScriptTag(Reference.Options, token), StringComparison.Ordinal))
        {
            throw Wrong("the script tag is not the widget's for the reference project", body);
        }
    }

    private InvalidOperationException Wrong(string what, ReadOnlySpan<byte> body) =>
        new($"{endpoint}: {what}: {Encoding.UTF8.GetString(body)}");
}
