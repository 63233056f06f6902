using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Reqio.Sdk.Benchmarks.Fixtures;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// How cost grows with the user's claims (sub, email, traits) from about 64 bytes to about 4 KiB of JSON: our
/// TryMint next to the reused-instance HMAC over each size's signing input, so what grows beyond the MAC's extra
/// blocks shows as the gap between the two.
/// </summary>
[MemoryDiagnoser]
public class ClaimSizeBenchmarks
{
    private readonly byte[] _bytes = new byte[ReqioToken.MaxTokenLength];
    private readonly byte[] _mac = new byte[32];
    private ReqioUser _user = null!;
    private byte[] _signingInput = [];
    private HMACSHA256 _hmac = null!;

    /// <summary>The target size of the user's claims as JSON; the largest reaches the per-field limits.</summary>
    [Params(64, 512, 4096)]
    public int ClaimBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _user = UserOfClaimSize(ClaimBytes);
        _hmac = new HMACSHA256(Reference.Key);
        int written = Reqio_TryMint_Utf8();
        string token = Encoding.ASCII.GetString(_bytes, 0, written);
        Reference.Verify(token, _user, $"{nameof(Reqio_TryMint_Utf8)} at {ClaimBytes} B");
        _signingInput = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
    }

    [GlobalCleanup]
    public void Cleanup() => _hmac.Dispose();

    [Benchmark]
    public int Reqio_TryMint_Utf8()
    {
        ReqioToken.TryMint(_user, Reference.Options, _bytes, out int written);
        return written;
    }

    [Benchmark(Baseline = true)]
    public bool Hmac_ReusedInstance_TryComputeHash() => _hmac.TryComputeHash(_signingInput, _mac, out _);

    /// <summary>
    /// A user whose sub/email/traits JSON is about <paramref name="bytes"/> long: ASCII while the field limits
    /// allow, then characters that take a six-byte \u escape (as non-ASCII names and plans do).
    /// </summary>
    public static ReqioUser UserOfClaimSize(int bytes)
    {
        // {"sub":"…" ,"email":"…" ,"traits":{"plan":"…","amount":4900,"interval":"month"}: 78 bytes of framing.
        const int Framing = 78;
        int budget = Math.Max(3, bytes - Framing);
        string id = Fill(ref budget, ReqioUser.MaxIdLength);
        string local = Fill(ref budget, ReqioUser.MaxEmailLength - 2);
        string plan = Fill(ref budget, ReqioTraits.MaxPlanLength);
        return new ReqioUser(id.Length == 0 ? "u" : id, (local.Length == 0 ? "a" : local) + "@b", ReqioTraits.Monthly(plan.Length == 0 ? "p" : plan, 4900));
    }

    private static string Fill(ref int budget, int maxChars)
    {
        var text = new StringBuilder();
        while (budget > 0 && text.Length < maxChars)
        {
            // Plain ASCII first; switch to six-byte characters when ASCII alone cannot spend the budget.
            bool escaped = budget > (maxChars - text.Length);
            text.Append(escaped ? 'é' : 'x');
            budget -= escaped ? 6 : 1;
        }

        return text.ToString();
    }
}
