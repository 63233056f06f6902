namespace Reqio.Sdk.Benchmarks.Harness;

/// <summary>
/// A method the paired rounds time. <see cref="Run"/> performs <c>count</c> calls and returns something computed from
/// their results, so the JIT cannot drop the work; one call is <see cref="OperationsPerCall"/> operations. Rounds and
/// reports find a method by this object, never by its <see cref="Name"/>, which is only for people.
/// <see cref="BenchmarkMethod"/> names the BenchmarkDotNet method it calls, when it calls one, so a report can set
/// BenchmarkDotNet's allocation beside the paired rounds' time.
/// </summary>
internal sealed class Measured(string name, Func<int, long> run, int operationsPerCall = 1, string? benchmarkMethod = null)
{
    public string Name { get; } = name;

    public Func<int, long> Run { get; } = run;

    public int OperationsPerCall { get; } = operationsPerCall;

    public string? BenchmarkMethod { get; } = benchmarkMethod;

    public override string ToString() => Name;
}
