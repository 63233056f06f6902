using BenchmarkDotNet.Attributes;

namespace Reqio.Sdk.Benchmarks;

/// <summary>Our three tiers minting the reference user's token.</summary>
[MemoryDiagnoser]
public class MintBenchmarks
{
    private readonly ReqioUser _user = new("user_8f3a2c", "ada.lovelace@example.com", ReqioTraits.Monthly("pro", 4900));
    private readonly ReqioOptions _options = new("rq_sk_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a", "https://reqio.app/p/proj_abc123");
    private readonly char[] _chars = new char[ReqioToken.MaxTokenLength];
    private readonly byte[] _bytes = new byte[ReqioToken.MaxTokenLength];

    [Benchmark(Baseline = true)]
    public string Reqio_Mint() => ReqioToken.Mint(_user, _options);

    [Benchmark]
    public int Reqio_TryMint_Chars()
    {
        ReqioToken.TryMint(_user, _options, _chars, out int written);
        return written;
    }

    [Benchmark]
    public int Reqio_TryMint_Utf8()
    {
        ReqioToken.TryMint(_user, _options, _bytes, out int written);
        return written;
    }
}
