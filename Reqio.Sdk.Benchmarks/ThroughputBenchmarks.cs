using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Throughput with one shared <see cref="ReqioOptions"/>: the same number of tokens minted by one thread, then
/// split across two. Times are per token; on two cores, two threads with no shared lock approach half the time.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private const int Tokens = 4096;
    private readonly byte[] _first = new byte[ReqioToken.MaxTokenLength];
    private readonly byte[] _second = new byte[ReqioToken.MaxTokenLength];

    [GlobalSetup]
    public void Verify()
    {
        ReqioToken.TryMint(Reference.User, Reference.Options, _first, out int written);
        Reference.Verify(System.Text.Encoding.ASCII.GetString(_first, 0, written), Reference.User, nameof(ThroughputBenchmarks));
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

    private static void MintMany(byte[] buffer, int count)
    {
        ReqioUser user = Reference.User;
        ReqioOptions options = Reference.Options;
        for (int i = 0; i < count; i++)
        {
            ReqioToken.TryMint(user, options, buffer, out _);
        }
    }
}
