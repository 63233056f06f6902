using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Reqio.Sdk.Benchmarks.Fixtures;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Throughput with one shared <see cref="ReqioProject"/>: the same number of tokens minted by one thread, then
/// split across two. Times are per token; on two cores, two threads with no shared lock approach half the time.
/// Beside them, the same split for the BCL's HMAC alone, each thread with its own keyed instance: what the MAC
/// itself gains from a second thread bounds what minting can.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    internal const int Tokens = 4096;
    private readonly byte[] _first = new byte[ReqioToken.MaxTokenLength];
    private readonly byte[] _second = new byte[ReqioToken.MaxTokenLength];
    private readonly HMACSHA256 _firstHmac = new(Reference.Key);
    private readonly HMACSHA256 _secondHmac = new(Reference.Key);
    private readonly byte[] _firstMac = new byte[32];
    private readonly byte[] _secondMac = new byte[32];
    private byte[] _signingInput = [];

    [GlobalSetup]
    public void Verify()
    {
        ReqioToken.TryMint(Reference.User, Reference.Options, _first, out int written);
        string token = System.Text.Encoding.ASCII.GetString(_first, 0, written);
        Reference.Verify(token, Reference.User, nameof(ThroughputBenchmarks));
        _signingInput = System.Text.Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
        Hmac_TwoThreads();
        if (Jwt.Base64UrlEncode(_firstMac) != token[(token.LastIndexOf('.') + 1)..] || !_firstMac.AsSpan().SequenceEqual(_secondMac))
        {
            throw new InvalidOperationException("the HMAC threads' MACs are not the token's signature");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _firstHmac.Dispose();
        _secondHmac.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens)]
    public void Reqio_TryMint_OneThread() => MintMany(_first, Tokens);

    [Benchmark(OperationsPerInvoke = Tokens)]
    public void Reqio_TryMint_TwoThreadsSharingOptions()
    {
        Task second = Task.Run(() => MintMany(_second, Tokens / 2));
        MintMany(_first, Tokens / 2);
        second.Wait();
    }

    [Benchmark(OperationsPerInvoke = Tokens)]
    public void Hmac_OneThread() => MacMany(_firstHmac, _firstMac, Tokens);

    [Benchmark(OperationsPerInvoke = Tokens)]
    public void Hmac_TwoThreads()
    {
        Task second = Task.Run(() => MacMany(_secondHmac, _secondMac, Tokens / 2));
        MacMany(_firstHmac, _firstMac, Tokens / 2);
        second.Wait();
    }

    private void MacMany(HMACSHA256 hmac, byte[] mac, int count)
    {
        for (int i = 0; i < count; i++)
        {
            hmac.TryComputeHash(_signingInput, mac, out _);
        }
    }

    private static void MintMany(byte[] buffer, int count)
    {
        ReqioUser user = Reference.User;
        ReqioProject options = Reference.Options;
        for (int i = 0; i < count; i++)
        {
            ReqioToken.TryMint(user, options, buffer, out _);
        }
    }
}
