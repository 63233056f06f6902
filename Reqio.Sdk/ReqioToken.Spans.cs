using System.Text;

namespace Reqio.Sdk;

// Where spans exist (netstandard2.1, net8.0): the TryMint tiers, and Mint's string written in place.
public static partial class ReqioToken
{
    /// <summary>
    /// Allocates the string at the token's length and writes the token straight into it: one widening pass, where
    /// <see cref="Encoding.GetString(byte[])"/> would count the characters first.
    /// </summary>
    private static string CreateString(ReqioUser user, ReqioOptions options, in TokenLayout layout) =>
        string.Create(layout.TokenLength, new MintState(user, options, layout),
            static (chars, state) => WriteChars(state.User, state.Options, state.Layout, chars));

    /// <summary>
    /// What <see cref="CreateString"/> hands <see cref="string.Create{TState}"/>. A struct of its own, not a tuple: a
    /// tuple of two classes and a struct is a shared generic instantiation, and native AOT then links in its runtime
    /// type loader, which would ship in every published app that mints.
    /// </summary>
    private readonly struct MintState(ReqioUser user, ReqioOptions options, TokenLayout layout)
    {
        public ReqioUser User { get; } = user;

        public ReqioOptions Options { get; } = options;

        public TokenLayout Layout { get; } = layout;
    }

    /// <summary>Mints a token into <paramref name="destination"/> without allocating.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="options">The project's key, audience, lifetime and clock.</param>
    /// <param name="destination">Where to write the token; <see cref="GetMaxTokenLength"/> or <see cref="MaxTokenLength"/> characters always suffice.</param>
    /// <param name="charsWritten">The token's length, or 0 when <paramref name="destination"/> is too short.</param>
    /// <returns>
    /// <see langword="true"/> when the token was written; <see langword="false"/> when <paramref name="destination"/>
    /// is too short, in which case nothing was written to it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/>' clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static bool TryMint(ReqioUser user, ReqioOptions options, Span<char> destination, out int charsWritten)
    {
        TokenLayout layout = Measure(user, options);
        if (destination.Length < layout.TokenLength)
        {
            charsWritten = 0;
            return false;
        }

        WriteChars(user, options, layout, destination.Slice(0, layout.TokenLength));
        charsWritten = layout.TokenLength;
        return true;
    }

    /// <summary>Mints a token as UTF-8 (which, the token being ASCII, is one byte a character) without allocating.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="options">The project's key, audience, lifetime and clock.</param>
    /// <param name="utf8Destination">Where to write the token; <see cref="GetMaxTokenLength"/> or <see cref="MaxTokenLength"/> bytes always suffice.</param>
    /// <param name="bytesWritten">The token's length, or 0 when <paramref name="utf8Destination"/> is too short.</param>
    /// <returns>
    /// <see langword="true"/> when the token was written; <see langword="false"/> when <paramref name="utf8Destination"/>
    /// is too short, in which case nothing was written to it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/>' clock returned a time before 1970, or one so late that <c>exp</c> would pass the year 9999.</exception>
    public static bool TryMint(ReqioUser user, ReqioOptions options, Span<byte> utf8Destination, out int bytesWritten)
    {
        TokenLayout layout = Measure(user, options);
        if (utf8Destination.Length < layout.TokenLength)
        {
            bytesWritten = 0;
            return false;
        }

        Span<byte> scratch = stackalloc byte[layout.ScratchLength];
        TokenEncoder.Write(user, options, layout, new TokenBuffer(utf8Destination.Slice(0, layout.TokenLength)), new TokenBuffer(scratch));
        bytesWritten = layout.TokenLength;
        return true;
    }

    /// <summary>Writes the laid-out token into <paramref name="destination"/>, exactly its length, via bytes on the stack.</summary>
    private static void WriteChars(ReqioUser user, ReqioOptions options, in TokenLayout layout, Span<char> destination)
    {
        // At most MaxTokenLength plus its JSON: about 14 KiB in the worst case, 0.5 KiB for a typical user.
        Span<byte> bytes = stackalloc byte[layout.TokenLength + layout.ScratchLength];
        Span<byte> token = bytes.Slice(0, layout.TokenLength);
        TokenEncoder.Write(user, options, layout, new TokenBuffer(token), new TokenBuffer(bytes.Slice(layout.TokenLength)));
        Encoding.ASCII.GetChars(token, destination);
    }
}
