using System.Collections.Generic;
using System.Linq;

namespace Reqio.Sdk.Benchmarks;

/// <summary>A headline ratio of the performance review: its id, what it compares, and the target it must meet.</summary>
internal sealed record RatioClaim(string Id, string Description, string[] Numerators, string[] Denominators, double Target, bool AtMost);

/// <summary>One stage of TryMint or Mint, timed alone in the paired rounds.</summary>
internal sealed record Stage(string Name, string Method);

/// <summary>A bar of the chart: a method of the paired rounds, its BenchmarkDotNet twin (for allocation), its label.</summary>
internal sealed record Contender(string Method, string BenchmarkMethod, string Label, bool Ours);

/// <summary>
/// The paired, interleaved measurement behind the performance review: our tiers, the peers, the HMAC floor, one and
/// two threads with their arithmetic control, and TryMint's stages, all in the same rounds of one process. Every
/// method is one that the BenchmarkDotNet classes also run and verify in their setup, or a stage checked by
/// <see cref="TokenStages"/>' constructor.
/// </summary>
internal static class PairedMeasurement
{
    public const string TryMintUtf8 = "TryMint (UTF-8)";
    public const string TryMintChars = "TryMint (chars)";
    public const string Mint = "Mint";
    public const string Hmac = "reused HMACSHA256";
    public const int MinRounds = 1_500;
    public const double SettledHalfWidth = 0.03;

    public static readonly RatioClaim[] Claims =
    [
        new("trymint_utf8_vs_hmac", "`TryMint` (UTF-8) time ÷ reused keyed `HMACSHA256` time", [TryMintUtf8], [Hmac], 1.15, AtMost: true),
        new("trymint_chars_vs_hmac", "`TryMint` (chars) time ÷ the same HMAC time", [TryMintChars], [Hmac], 1.2, AtMost: true),
        new("mint_vs_trymint_chars_and_string", "`Mint` time ÷ (`TryMint` (chars) + allocating a string as long)", [Mint], [TryMintChars, "string allocation"], 1.0, AtMost: true),
        new("mint_vs_jsonwebtokenhandler", "`JsonWebTokenHandler.CreateToken` time ÷ `Mint` time", ["JsonWebTokenHandler"], [Mint], 2.2, AtMost: false),
        new("mint_vs_system_identitymodel", "`JwtSecurityTokenHandler` time ÷ `Mint` time", ["JwtSecurityTokenHandler"], [Mint], 2.5, AtMost: false),
        new("mint_vs_jwt_dotnet", "jwt-dotnet time ÷ `Mint` time", ["jwt-dotnet"], [Mint], 5, AtMost: false),
        new("mint_vs_jose_jwt", "jose-jwt time ÷ `Mint` time", ["jose-jwt"], [Mint], 5, AtMost: false),
        new("two_threads_vs_one", "tokens a second, two threads sharing one `ReqioOptions` ÷ one thread", ["one thread"], ["two threads"], 1.8, AtMost: false),
        new("control_two_threads_vs_one", "the same for a shared-nothing arithmetic loop (the machine's ceiling)", ["arithmetic, one thread"], ["arithmetic, two threads"], 0, AtMost: false),
        new("hmac_two_threads_vs_one", "the same for the BCL's HMAC alone, an instance a thread (the MAC's ceiling)", ["HMAC, one thread"], ["HMAC, two threads"], 0, AtMost: false),
    ];

    /// <summary>Our tiers and the peers, as the chart shows them.</summary>
    public static readonly Contender[] Contenders =
    [
        new(TryMintUtf8, "Reqio_TryMint_Utf8", "Reqio TryMint (UTF-8)", Ours: true),
        new(TryMintChars, "Reqio_TryMint_Chars", "Reqio TryMint (chars)", Ours: true),
        new(Mint, "Reqio_Mint", "Reqio Mint", Ours: true),
        new("JsonWebTokenHandler", "Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken", "JsonWebTokenHandler.CreateToken", Ours: false),
        new("JwtSecurityTokenHandler", "Peer_SystemIdentityModelTokensJwt_WriteToken", "JwtSecurityTokenHandler.WriteToken", Ours: false),
        new("jwt-dotnet", "Peer_JwtDotNet_Encode", "JWT (jwt-dotnet)", Ours: false),
        new("jose-jwt", "Peer_JoseJwt_Encode", "jose-jwt", Ours: false),
    ];

    /// <summary>The stages of TryMint (UTF-8), in the order it runs them.</summary>
    private static readonly Stage[] s_encoding =
    [
        new("clock read", "stage: clock read"),
        new("layout", "stage: layout"),
        new("payload JSON", "stage: payload JSON"),
        new("payload base64url", "stage: payload base64url"),
        new("HMAC-SHA256", "stage: HMAC-SHA256"),
        new("signature base64url", "stage: signature base64url"),
    ];

    private static readonly Stage s_widening = new("widening to chars (TryMint chars)", "stage: widening to chars");
    private static readonly Stage s_mintString = new("the string, allocated and filled (Mint)", "stage: Mint's string");

    /// <summary>Every stage, once: TryMint (chars) adds the widening to TryMint (UTF-8)'s, Mint the string instead.</summary>
    public static readonly Stage[] Stages = [.. s_encoding, s_widening, s_mintString];

    /// <summary>Each tier and the stages it runs, for the stages-versus-whole check.</summary>
    public static readonly (string Tier, Stage[] Stages)[] Tiers =
    [
        (TryMintUtf8, s_encoding),
        (TryMintChars, [.. s_encoding, s_widening]),
        (Mint, [.. s_encoding, s_mintString]),
    ];

    /// <summary>Not a stage of its own (the string above includes it): a string as long as the token, allocated bare.</summary>
    public static readonly Stage StringAllocation = new("of which: allocating a string as long (bare)", "string allocation");

    /// <summary>
    /// Sets the methods up, verifies them, warms them up and runs the first half of the rounds. The host runs
    /// BenchmarkDotNet next and then <see cref="Finish"/>, so the rounds sample the machine minutes apart, not only
    /// in one stretch of its day.
    /// </summary>
    public static PairedRounds Start(Action<string> progress)
    {
        var tokens = new TokenBenchmarks();
        tokens.VerifyEveryMethod();
        var threads = new ThroughputBenchmarks();
        threads.Verify();
        var control = new MachineCeilingBenchmarks();
        var stages = new TokenStages();

        var methods = new List<Measured>
        {
            new(TryMintUtf8, n => Repeat(n, tokens.Reqio_TryMint_Utf8)),
            new(TryMintChars, n => Repeat(n, tokens.Reqio_TryMint_Chars)),
            new(Mint, n => Repeat(n, () => tokens.Reqio_Mint().Length)),
            new(Hmac, n => Repeat(n, () => tokens.Hmac_ReusedInstance_TryComputeHash() ? 1 : 0)),
            new("JsonWebTokenHandler", n => Repeat(n, () => tokens.Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken().Length)),
            new("JwtSecurityTokenHandler", n => Repeat(n, () => tokens.Peer_SystemIdentityModelTokensJwt_WriteToken().Length)),
            new("jwt-dotnet", n => Repeat(n, () => tokens.Peer_JwtDotNet_Encode().Length)),
            new("jose-jwt", n => Repeat(n, () => tokens.Peer_JoseJwt_Encode().Length)),
            new("one thread", n => Repeat(n, () => { threads.Reqio_TryMint_OneThread(); return 1; }), ThroughputBenchmarks.Tokens),
            new("two threads", n => Repeat(n, () => { threads.Reqio_TryMint_TwoThreadsSharingOptions(); return 1; }), ThroughputBenchmarks.Tokens),
            new("HMAC, one thread", n => Repeat(n, () => { threads.Hmac_OneThread(); return 1; }), ThroughputBenchmarks.Tokens),
            new("HMAC, two threads", n => Repeat(n, () => { threads.Hmac_TwoThreads(); return 1; }), ThroughputBenchmarks.Tokens),
            new("arithmetic, one thread", n => Repeat(n, () => (int)control.Machine_ArithmeticLoop_OneThread()), MachineCeilingBenchmarks.Steps),
            new("arithmetic, two threads", n => Repeat(n, () => (int)control.Machine_ArithmeticLoop_TwoThreads()), MachineCeilingBenchmarks.Steps),
            new("stage: clock read", stages.ClockRead),
            new("stage: layout", stages.Layout),
            new("stage: payload JSON", stages.PayloadJson),
            new("stage: payload base64url", stages.PayloadBase64Url),
            new("stage: HMAC-SHA256", stages.Mac),
            new("stage: signature base64url", stages.SignatureBase64Url),
            new("stage: widening to chars", stages.WidenToChars),
            new("stage: Mint's string", n => stages.MintString(n).Length),
            new("string allocation", stages.AllocateString),
        };

        var rounds = new PairedRounds(methods);
        rounds.WarmUp(TimeSpan.FromMilliseconds(1), progress);
        rounds.Run(minRounds: MinRounds / 2, TimeSpan.FromSeconds(30), () => true, progress);
        return rounds;
    }

    /// <summary>
    /// Runs the second half: at least <see cref="MinRounds"/> in all, then on until every interval is within
    /// <see cref="SettledHalfWidth"/> of its median (the review asks for ±5%), or for 70 s more.
    /// </summary>
    public static void Finish(PairedRounds rounds, Action<string> progress) =>
        rounds.Run(minRounds: MinRounds, TimeSpan.FromSeconds(70),
            () => Claims.All(c => rounds.Combine(c.Numerators, c.Denominators).RelativeHalfWidth < SettledHalfWidth), progress);

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
