using System.Collections.Generic;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Benchmarks.Harness;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>Which part of the review a ratio belongs to, in the order the report shows them.</summary>
internal enum Section
{
    /// <summary>Per request: the user built inside the timed call, as the peers build their claims.</summary>
    PerRequest,

    /// <summary>With options and user built once: the tiers alone.</summary>
    BuiltOnce,

    /// <summary>Threads sharing one options object, and the machine's own ceiling.</summary>
    Threads,

    /// <summary>The first token of a fresh process.</summary>
    FirstToken,
}

/// <summary>A ratio of the paired rounds: the summed times of the numerators ÷ those of the denominators.</summary>
internal sealed record RatioClaim(string Id, Section Section, string Description, IReadOnlyList<Measured> Numerators,
    IReadOnlyList<Measured> Denominators);

/// <summary>One stage of a tier, timed alone in the paired rounds.</summary>
internal sealed record Stage(string Name, Measured Method);

/// <summary>A tier and the stages it runs, for the stages-against-the-whole check.</summary>
internal sealed record Tier(Measured Whole, IReadOnlyList<Stage> Stages);

/// <summary>A bar of the chart: a method of the paired rounds and its BenchmarkDotNet twin, for its allocation.</summary>
internal sealed record Contender(string Label, bool Ours, Measured Method, string BenchmarkMethod);

/// <summary>
/// What the review measures in the paired rounds and what it claims: every method as a symbol, and the ratios, stages,
/// tiers and chart bars built from those symbols, so a name used in two places cannot be mistyped in one of them.
/// Every method is one the BenchmarkDotNet classes also run and verify in their setup, or a stage
/// <see cref="TokenStages"/> checks in its constructor.
/// </summary>
internal sealed class Registry
{
    public Registry(TokenBenchmarks tokens, ThroughputBenchmarks threads, MachineCeilingBenchmarks control, TokenStages stages)
    {
        MintPerRequest = new("Mint, user built per request", n => Repeat(n, () => tokens.Reqio_Mint_PerRequest().Length));
        TryMintUtf8PerRequest = new("TryMint (UTF-8), user built per request", n => Repeat(n, tokens.Reqio_TryMint_Utf8_PerRequest));
        Mint = new("Mint", n => Repeat(n, () => tokens.Reqio_Mint().Length));
        TryMintChars = new("TryMint (chars)", n => Repeat(n, tokens.Reqio_TryMint_Chars));
        TryMintUtf8 = new("TryMint (UTF-8)", n => Repeat(n, tokens.Reqio_TryMint_Utf8));
        Hmac = new("reused HMACSHA256", n => Repeat(n, () => tokens.Hmac_ReusedInstance_TryComputeHash() ? 1 : 0));
        JsonWebTokenHandler = new("JsonWebTokenHandler", n => Repeat(n, () => tokens.Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken().Length));
        JwtSecurityTokenHandler = new("JwtSecurityTokenHandler", n => Repeat(n, () => tokens.Peer_SystemIdentityModelTokensJwt_WriteToken().Length));
        JwtDotNet = new("jwt-dotnet", n => Repeat(n, () => tokens.Peer_JwtDotNet_Encode().Length));
        JoseJwt = new("jose-jwt", n => Repeat(n, () => tokens.Peer_JoseJwt_Encode().Length));
        OneThread = new("one thread", n => Repeat(n, () => Done(threads.Reqio_TryMint_OneThread)), ThroughputBenchmarks.Tokens);
        TwoThreads = new("two threads", n => Repeat(n, () => Done(threads.Reqio_TryMint_TwoThreadsSharingOptions)), ThroughputBenchmarks.Tokens);
        HmacOneThread = new("HMAC, one thread", n => Repeat(n, () => Done(threads.Hmac_OneThread)), ThroughputBenchmarks.Tokens);
        HmacTwoThreads = new("HMAC, two threads", n => Repeat(n, () => Done(threads.Hmac_TwoThreads)), ThroughputBenchmarks.Tokens);
        ArithmeticOneThread = new("arithmetic, one thread", n => Repeat(n, () => (int)control.Machine_ArithmeticLoop_OneThread()), MachineCeilingBenchmarks.Steps);
        ArithmeticTwoThreads = new("arithmetic, two threads", n => Repeat(n, () => (int)control.Machine_ArithmeticLoop_TwoThreads()), MachineCeilingBenchmarks.Steps);
        BuildUser = new("stage: user", n => Repeat(n, () => tokens.Reqio_BuildUser().Id.Length));
        ClockRead = new("stage: clock read", stages.ClockRead);
        Layout = new("stage: layout", stages.Layout);
        PayloadJson = new("stage: payload JSON", stages.PayloadJson);
        PayloadBase64Url = new("stage: payload base64url", stages.PayloadBase64Url);
        Mac = new("stage: HMAC-SHA256", stages.Mac);
        SignatureBase64Url = new("stage: signature base64url", stages.SignatureBase64Url);
        WidenToChars = new("stage: widening to chars", stages.WidenToChars);
        MintString = new("stage: Mint's string", n => stages.MintString(n).Length);
        StringAllocation = new("string allocation", stages.AllocateString);

        Methods =
        [
            MintPerRequest, TryMintUtf8PerRequest, Mint, TryMintChars, TryMintUtf8, Hmac,
            JsonWebTokenHandler, JwtSecurityTokenHandler, JwtDotNet, JoseJwt,
            OneThread, TwoThreads, HmacOneThread, HmacTwoThreads, ArithmeticOneThread, ArithmeticTwoThreads,
            BuildUser, ClockRead, Layout, PayloadJson, PayloadBase64Url, Mac, SignatureBase64Url, WidenToChars, MintString, StringAllocation,
        ];

        Claims =
        [
            new("request_vs_jsonwebtokenhandler", Section.PerRequest, "`JsonWebTokenHandler.CreateToken` ÷ `Mint`, each building its claims from the app's user record", [JsonWebTokenHandler], [MintPerRequest]),
            new("request_vs_system_identitymodel", Section.PerRequest, "`JwtSecurityTokenHandler.WriteToken` ÷ `Mint`, the same way", [JwtSecurityTokenHandler], [MintPerRequest]),
            new("request_vs_jwt_dotnet", Section.PerRequest, "jwt-dotnet `Encode` ÷ `Mint`, the same way", [JwtDotNet], [MintPerRequest]),
            new("request_vs_jose_jwt", Section.PerRequest, "jose-jwt `Encode` ÷ `Mint`, the same way", [JoseJwt], [MintPerRequest]),
            new("request_trymint_utf8_vs_hmac", Section.PerRequest, "user built + `TryMint` (UTF-8) ÷ a reused, keyed `HMACSHA256` over the same signing input", [TryMintUtf8PerRequest], [Hmac]),
            new("trymint_utf8_vs_hmac", Section.BuiltOnce, "`TryMint` (UTF-8) ÷ the same HMAC", [TryMintUtf8], [Hmac]),
            new("trymint_chars_vs_hmac", Section.BuiltOnce, "`TryMint` (chars) ÷ the same HMAC", [TryMintChars], [Hmac]),
            new("mint_vs_trymint_chars_and_string", Section.BuiltOnce, "`Mint` ÷ (`TryMint` (chars) + allocating a string as long)", [Mint], [TryMintChars, StringAllocation]),
            new("mint_vs_jsonwebtokenhandler", Section.BuiltOnce, "`JsonWebTokenHandler.CreateToken` ÷ `Mint`", [JsonWebTokenHandler], [Mint]),
            new("mint_vs_system_identitymodel", Section.BuiltOnce, "`JwtSecurityTokenHandler.WriteToken` ÷ `Mint`", [JwtSecurityTokenHandler], [Mint]),
            new("mint_vs_jwt_dotnet", Section.BuiltOnce, "jwt-dotnet `Encode` ÷ `Mint`", [JwtDotNet], [Mint]),
            new("mint_vs_jose_jwt", Section.BuiltOnce, "jose-jwt `Encode` ÷ `Mint`", [JoseJwt], [Mint]),
            new("two_threads_vs_one", Section.Threads, "tokens a second, two threads sharing one `ReqioOptions` ÷ one thread", [OneThread], [TwoThreads]),
            new("control_two_threads_vs_one", Section.Threads, "the same for a shared-nothing arithmetic loop (the machine's ceiling)", [ArithmeticOneThread], [ArithmeticTwoThreads]),
            new("hmac_two_threads_vs_one", Section.Threads, "the same for the BCL's HMAC alone, an instance a thread (the MAC's ceiling)", [HmacOneThread], [HmacTwoThreads]),
        ];

        Stage clock = new("clock read", ClockRead);
        Stage layout = new("layout", Layout);
        Stage json = new("payload JSON", PayloadJson);
        Stage payload64 = new("payload base64url", PayloadBase64Url);
        Stage mac = new("HMAC-SHA256", Mac);
        Stage signature64 = new("signature base64url", SignatureBase64Url);
        Stage user = new("user: validate and measure (per request)", BuildUser);
        Stage widening = new("widening to chars (TryMint chars)", WidenToChars);
        Stage mintString = new("the string, allocated and filled (Mint)", MintString);
        Stage[] encoding = [clock, layout, json, payload64, mac, signature64];

        Stages = [user, .. encoding, widening, mintString];
        BareString = new("of which: allocating a string as long (bare)", StringAllocation);
        Tiers =
        [
            new(TryMintUtf8PerRequest, [user, .. encoding]),
            new(MintPerRequest, [user, .. encoding, mintString]),
            new(TryMintUtf8, encoding),
            new(TryMintChars, [.. encoding, widening]),
            new(Mint, [.. encoding, mintString]),
        ];

        Contenders =
        [
            new("Reqio TryMint (UTF-8)", true, TryMintUtf8PerRequest, nameof(TokenBenchmarks.Reqio_TryMint_Utf8_PerRequest)),
            new("Reqio Mint", true, MintPerRequest, nameof(TokenBenchmarks.Reqio_Mint_PerRequest)),
            new("JsonWebTokenHandler.CreateToken", false, JsonWebTokenHandler, nameof(TokenBenchmarks.Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken)),
            new("JwtSecurityTokenHandler.WriteToken", false, JwtSecurityTokenHandler, nameof(TokenBenchmarks.Peer_SystemIdentityModelTokensJwt_WriteToken)),
            new("JWT (jwt-dotnet)", false, JwtDotNet, nameof(TokenBenchmarks.Peer_JwtDotNet_Encode)),
            new("jose-jwt", false, JoseJwt, nameof(TokenBenchmarks.Peer_JoseJwt_Encode)),
        ];
    }

    public Measured MintPerRequest { get; }

    public Measured TryMintUtf8PerRequest { get; }

    public Measured Mint { get; }

    public Measured TryMintChars { get; }

    public Measured TryMintUtf8 { get; }

    public Measured Hmac { get; }

    public Measured JsonWebTokenHandler { get; }

    public Measured JwtSecurityTokenHandler { get; }

    public Measured JwtDotNet { get; }

    public Measured JoseJwt { get; }

    public Measured OneThread { get; }

    public Measured TwoThreads { get; }

    public Measured HmacOneThread { get; }

    public Measured HmacTwoThreads { get; }

    public Measured ArithmeticOneThread { get; }

    public Measured ArithmeticTwoThreads { get; }

    public Measured BuildUser { get; }

    public Measured ClockRead { get; }

    public Measured Layout { get; }

    public Measured PayloadJson { get; }

    public Measured PayloadBase64Url { get; }

    public Measured Mac { get; }

    public Measured SignatureBase64Url { get; }

    public Measured WidenToChars { get; }

    public Measured MintString { get; }

    public Measured StringAllocation { get; }

    /// <summary>Every method the paired rounds time.</summary>
    public IReadOnlyList<Measured> Methods { get; }

    /// <summary>Every ratio the review reports from the paired rounds.</summary>
    public IReadOnlyList<RatioClaim> Claims { get; }

    /// <summary>Every stage once, in the order the tiers run them.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>Not a stage of its own (Mint's string includes it): a string as long as the token, allocated bare.</summary>
    public Stage BareString { get; }

    public IReadOnlyList<Tier> Tiers { get; }

    /// <summary>The per-request bars of the chart: our tiers and the peers.</summary>
    public IReadOnlyList<Contender> Contenders { get; }

    /// <summary>The floor every bar of the chart is read against: the reused, keyed HMAC.</summary>
    public Measured Floor => Hmac;

    private static int Done(Action action)
    {
        action();
        return 1;
    }

    private static long Repeat(int count, Func<int> method)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += method();
        }

        return sum;
    }
}
