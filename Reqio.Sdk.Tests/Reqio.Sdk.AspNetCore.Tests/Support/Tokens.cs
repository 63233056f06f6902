using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reqio.Sdk.AspNetCore.Tests.Support;

/// <summary>Checks a token with Microsoft's JWT handler, independently of Reqio.Sdk, and reads it back.</summary>
internal static partial class Tokens
{
    /// <summary>Whether <paramref name="token"/> is an HS256 JWT signed with <paramref name="secret"/> for the project.</summary>
    public static async Task<JsonWebToken?> VerifyAsync(string token, string secret, string projectId = Settings.ProjectId)
    {
        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAudience = ReqioProject.ProjectAudiencePrefix + projectId,
            ValidateIssuer = false,
            ValidAlgorithms = ["HS256"],
        });
        return result.IsValid ? (JsonWebToken)result.SecurityToken : null;
    }

    /// <summary>The <c>data-identity-token</c> of a rendered widget tag, or <see langword="null"/> when it has none.</summary>
    public static string? InTag(string html) =>
        IdentityToken().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("data-identity-token=\"([^\"]*)\"")]
    private static partial Regex IdentityToken();
}
