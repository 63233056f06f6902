using System.Globalization;

namespace Reqio.Sdk;

/// <summary>
/// A minted token and the moment it expires, from <see cref="ReqioToken.MintWithExpiry"/>: what a token endpoint
/// returns to a page, which fetches a new token before <see cref="ExpiresAt"/>.
/// </summary>
/// <remarks>
/// The token is a credential until it expires, so <see cref="ToString"/> shows only its length. The default value
/// holds no token: its <see cref="Token"/> is <see langword="null"/>.
/// </remarks>
public readonly struct ReqioIdentityToken : IEquatable<ReqioIdentityToken>
{
    internal ReqioIdentityToken(string token, DateTimeOffset expiresAt)
    {
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token, for the widget's <c>data-identity-token</c> or <c>Reqio.identify</c>.</summary>
    public string Token { get; }

    /// <summary>When the token expires: its <c>exp</c> claim, a whole second in UTC.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> hold the same token and expiry.</summary>
    /// <param name="left">A token.</param>
    /// <param name="right">Another token.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ReqioIdentityToken left, ReqioIdentityToken right) => left.Equals(right);

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> differ in token or expiry.</summary>
    /// <param name="left">A token.</param>
    /// <param name="right">Another token.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ReqioIdentityToken left, ReqioIdentityToken right) => !left.Equals(right);

    /// <summary>Whether <paramref name="other"/> holds the same token and expiry.</summary>
    /// <param name="other">Another token.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(ReqioIdentityToken other) =>
        string.Equals(Token, other.Token, StringComparison.Ordinal) && ExpiresAt == other.ExpiresAt;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReqioIdentityToken other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        unchecked(((Token is null ? 0 : StringComparer.Ordinal.GetHashCode(Token)) * 31) + ExpiresAt.GetHashCode());

    /// <summary>Describes the token without showing it.</summary>
    /// <returns>For example <c>ReqioIdentityToken { ExpiresAt = 2025-11-24T16:05:00.0000000+00:00, Token = (312 characters, hidden) }</c>.</returns>
    public override string ToString() =>
        $"ReqioIdentityToken {{ ExpiresAt = {ExpiresAt.ToString("O", CultureInfo.InvariantCulture)}, Token = ({Token?.Length ?? 0} characters, hidden) }}";
}
