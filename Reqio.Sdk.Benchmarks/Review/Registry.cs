using System.Collections.Generic;
using System.Linq;
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

    /// <summary>A token endpoint of an ASP.NET Core app under load.</summary>
    Endpoint,
}

/// <summary>A ratio of the paired rounds: the summed times of the numerators ÷ those of the denominators.</summary>
internal sealed record RatioClaim(string Id, Section Section, string Description, IReadOnlyList<Measured> Numerators,
    IReadOnlyList<Measured> Denominators);

/// <summary>One stage of a tier, timed alone in the paired rounds.</summary>
internal sealed record Stage(string Name, Measured Method)
{
    public static Stage Of(string name, Func<int, long> run) => new(name, new Measured("stage: " + name, run));
}

/// <summary>A tier and the stages it runs, for the stages-against-the-whole check.</summary>
internal sealed record Tier(Measured Whole, IReadOnlyList<Stage> Stages);

/// <summary>A bar of the chart: a method of the paired rounds, whose BenchmarkDotNet twin gives its allocation.</summary>
internal sealed record Contender(string Label, bool Ours, Measured Method);

/// <summary>
/// A peer library minting the reference user's token with its claims built per call: one entry gives its bar of the
/// chart and its two ratios against <c>Mint</c> (<c>request_vs_{RatioId}</c> and <c>mint_vs_{RatioId}</c>).
/// </summary>
internal sealed record Peer(string RatioId, string Call, Measured Method);

/// <summary>
/// What the review measures in the paired rounds and what it reports: every method as a property, named once, and the
/// ratios, stages, tiers and chart bars built from those properties, so a name used in two places cannot be mistyped
/// in one of them. The rounds time every <see cref="Measured"/>, <see cref="Peer"/> and <see cref="Stage"/> property
/// (<see cref="Methods"/>). Every method is one the BenchmarkDotNet classes also run and verify in their setup, or a
/// stage <see cref="TokenStages"/> checks in its constructor. A new peer is its benchmark method in
/// <see cref="TokenBenchmarks"/>, one <see cref="Peer"/> property here, and its package in Contenders.props.
/// </summary>
internal sealed class Registry(TokenBenchmarks tokens, ThroughputBenchmarks threads, MachineCeilingBenchmarks control, TokenStages stages)
{
    public Measured MintPerRequest { get; } = Measure("Mint, user built per request", tokens.Reqio_Mint_PerRequest);

    public Measured TryMintUtf8PerRequest { get; } = Measure("TryMint (UTF-8), user built per request", tokens.Reqio_TryMint_Utf8_PerRequest);

    public Measured Mint { get; } = Measure("Mint", tokens.Reqio_Mint);

    public Measured TryMintChars { get; } = Measure("TryMint (chars)", tokens.Reqio_TryMint_Chars);

    public Measured TryMintUtf8 { get; } = Measure("TryMint (UTF-8)", tokens.Reqio_TryMint_Utf8);

    /// <summary>The floor every bar of the chart is read against: the reused, keyed HMAC.</summary>
    public Measured Hmac { get; } = Measure("reused HMACSHA256", tokens.Hmac_ReusedInstance_TryComputeHash);

    public Peer JsonWebTokenHandler { get; } = new("jsonwebtokenhandler", "`JsonWebTokenHandler.CreateToken`",
        Measure("JsonWebTokenHandler.CreateToken", tokens.Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken));

    public Peer JwtSecurityTokenHandler { get; } = new("system_identitymodel", "`JwtSecurityTokenHandler.WriteToken`",
        Measure("JwtSecurityTokenHandler.WriteToken", tokens.Peer_SystemIdentityModelTokensJwt_WriteToken));

    public Peer JwtDotNet { get; } = new("jwt_dotnet", "jwt-dotnet `Encode`", Measure("JWT (jwt-dotnet)", tokens.Peer_JwtDotNet_Encode));

    public Peer JoseJwt { get; } = new("jose_jwt", "jose-jwt `Encode`", Measure("jose-jwt", tokens.Peer_JoseJwt_Encode));

    public Measured OneThread { get; } = Measure("one thread", threads.Reqio_TryMint_OneThread, ThroughputBenchmarks.Tokens);

    public Measured TwoThreads { get; } = Measure("two threads", threads.Reqio_TryMint_TwoThreadsSharingOptions, ThroughputBenchmarks.Tokens);

    public Measured HmacOneThread { get; } = Measure("HMAC, one thread", threads.Hmac_OneThread, ThroughputBenchmarks.Tokens);

    public Measured HmacTwoThreads { get; } = Measure("HMAC, two threads", threads.Hmac_TwoThreads, ThroughputBenchmarks.Tokens);

    public Measured ArithmeticOneThread { get; } = Measure("arithmetic, one thread", control.Machine_ArithmeticLoop_OneThread, MachineCeilingBenchmarks.Steps);

    public Measured ArithmeticTwoThreads { get; } = Measure("arithmetic, two threads", control.Machine_ArithmeticLoop_TwoThreads, MachineCeilingBenchmarks.Steps);

    public Stage User { get; } = Stage.Of("user: validate (per request)", n => Repeat(n, () => tokens.Reqio_BuildUser().Id.Length));

    public Stage ClockRead { get; } = Stage.Of("clock read", stages.ClockRead);

    public Stage PayloadJson { get; } = Stage.Of("payload JSON", stages.PayloadJson);

    public Stage PayloadBase64Url { get; } = Stage.Of("payload base64url", stages.PayloadBase64Url);

    public Stage Mac { get; } = Stage.Of("HMAC-SHA256", stages.Mac);

    public Stage SignatureBase64Url { get; } = Stage.Of("signature base64url", stages.SignatureBase64Url);

    public Stage WidenToChars { get; } = Stage.Of("widening to chars (TryMint chars)", stages.WidenToChars);

    public Stage MintString { get; } = Stage.Of("the string made of the token's bytes (Mint)", n => stages.MintString(n).Length);

    /// <summary>Not a stage of its own (Mint's string includes it): a string as long as the token, allocated bare.</summary>
    public Stage BareString { get; } = Stage.Of("of which: allocating a string as long (bare)", stages.AllocateString);

    /// <summary>Every method the paired rounds time: each <see cref="Measured"/>, <see cref="Peer"/> and <see cref="Stage"/> above.</summary>
    public IReadOnlyList<Measured> Methods =>
        [.. Registered<Measured>(), .. Registered<Peer>().Select(p => p.Method), .. Registered<Stage>().Select(s => s.Method)];

    /// <summary>Every peer, in the order declared.</summary>
    public IReadOnlyList<Peer> Peers => [.. Registered<Peer>()];

    /// <summary>Every ratio the review reports from the paired rounds.</summary>
    public IReadOnlyList<RatioClaim> Claims =>
    [
        .. Peers.Select(p => new RatioClaim("request_vs_" + p.RatioId, Section.PerRequest,
            $"{p.Call} ÷ `Mint`, each building its claims from the app's user record", [p.Method], [MintPerRequest])),
        new("request_trymint_utf8_vs_hmac", Section.PerRequest, "user built + `TryMint` (UTF-8) ÷ a reused, keyed `HMACSHA256` over the same signing input", [TryMintUtf8PerRequest], [Hmac]),
        new("trymint_utf8_vs_hmac", Section.BuiltOnce, "`TryMint` (UTF-8) ÷ the same HMAC", [TryMintUtf8], [Hmac]),
        new("trymint_chars_vs_hmac", Section.BuiltOnce, "`TryMint` (chars) ÷ the same HMAC", [TryMintChars], [Hmac]),
        new("mint_vs_trymint_chars_and_string", Section.BuiltOnce, "`Mint` ÷ (`TryMint` (chars) + allocating a string as long)", [Mint], [TryMintChars, BareString.Method]),
        .. Peers.Select(p => new RatioClaim("mint_vs_" + p.RatioId, Section.BuiltOnce, $"{p.Call} ÷ `Mint`", [p.Method], [Mint])),
        new("two_threads_vs_one", Section.Threads, "tokens a second, two threads sharing one `ReqioProject` ÷ one thread", [OneThread], [TwoThreads]),
        new("control_two_threads_vs_one", Section.Threads, "the same for a shared-nothing arithmetic loop (the machine's ceiling)", [ArithmeticOneThread], [ArithmeticTwoThreads]),
        new("hmac_two_threads_vs_one", Section.Threads, "the same for the BCL's HMAC alone, an instance a thread (the MAC's ceiling)", [HmacOneThread], [HmacTwoThreads]),
    ];

    /// <summary>Every stage once, in the order the tiers run them (not <see cref="BareString"/>).</summary>
    public IReadOnlyList<Stage> Stages => [User, .. Encoding, WidenToChars, MintString];

    public IReadOnlyList<Tier> Tiers =>
    [
        new(TryMintUtf8PerRequest, [User, .. Encoding]),
        new(MintPerRequest, [User, .. Encoding, MintString]),
        new(TryMintUtf8, Encoding),
        new(TryMintChars, [.. Encoding, WidenToChars]),
        new(Mint, [.. Encoding, MintString]),
    ];

    /// <summary>The per-request bars of the chart: our tiers and the peers.</summary>
    public IReadOnlyList<Contender> Contenders =>
    [
        new("Reqio TryMint (UTF-8)", true, TryMintUtf8PerRequest),
        new("Reqio Mint", true, MintPerRequest),
        .. Peers.Select(p => new Contender(p.Method.Name, false, p.Method)),
    ];

    /// <summary>The stages every tier runs, from the clock to the signature's base64url.</summary>
    private Stage[] Encoding => [ClockRead, PayloadJson, PayloadBase64Url, Mac, SignatureBase64Url];

    /// <summary>This registry's properties of type <typeparamref name="T"/>, in the order they are declared.</summary>
    private IEnumerable<T> Registered<T>() =>
        GetType().GetProperties()
            .Where(p => p.PropertyType == typeof(T))
            .OrderBy(p => p.MetadataToken)
            .Select(p => (T)p.GetValue(this)!);

    private static Measured Measure(string name, Func<string> call) => new(name, n => Repeat(n, () => call().Length), benchmarkMethod: call.Method.Name);

    private static Measured Measure(string name, Func<int> call) => new(name, n => Repeat(n, call), benchmarkMethod: call.Method.Name);

    private static Measured Measure(string name, Func<bool> call) => new(name, n => Repeat(n, () => call() ? 1 : 0), benchmarkMethod: call.Method.Name);

    private static Measured Measure(string name, Func<long> call, int operationsPerCall) =>
        new(name, n => Repeat(n, () => (int)call()), operationsPerCall, call.Method.Name);

    private static Measured Measure(string name, Action call, int operationsPerCall) =>
        new(name, n => Repeat(n, () =>
        {
            call();
            return 1;
        }), operationsPerCall, call.Method.Name);

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
