using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// A control for <see cref="ThroughputBenchmarks"/>: the same one-thread/two-thread split over a loop of register
/// arithmetic that shares nothing. Whatever two threads fail to gain here, the machine withholds (a virtual CPU
/// shared with other guests, say), so it bounds what the SDK can gain on the same run.
/// </summary>
[MemoryDiagnoser]
public class MachineCeilingBenchmarks
{
    internal const int Steps = 4_000_000;

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public long Machine_ArithmeticLoop_OneThread() => Spin(Steps);

    [Benchmark(OperationsPerInvoke = Steps)]
    public long Machine_ArithmeticLoop_TwoThreads()
    {
        Task<long> second = Task.Run(() => Spin(Steps / 2));
        return Spin(Steps / 2) ^ second.Result;
    }

    private static long Spin(int steps)
    {
        long x = steps;
        for (int i = 0; i < steps; i++)
        {
            x = (x * 6364136223846793005) + 1442695040888963407;
        }

        return x;
    }
}
