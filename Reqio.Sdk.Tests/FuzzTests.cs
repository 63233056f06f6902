using System.Globalization;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Runs <see cref="EncoderFuzzer"/>: 20,000 cases from seed 1 in every test run; set REQIO_FUZZ_ITERATIONS and
/// REQIO_FUZZ_SEED for a longer or different run (README, Contributing).
/// </summary>
public sealed class FuzzTests
{
    [Test]
    public void Fuzz_the_encoder_with_arbitrary_inputs()
    {
        int iterations = Setting("REQIO_FUZZ_ITERATIONS", 20_000);
        int seed = Setting("REQIO_FUZZ_SEED", 1);
        var fuzzer = new EncoderFuzzer(seed);

        for (int i = 0; i < iterations; i++)
        {
            if (fuzzer.RunOne() is { } broken)
            {
                Assert.Fail($"seed {seed}, case {i}: {broken}");
            }
        }

        TestContext.Out.WriteLine($"seed {seed}: {iterations:N0} cases, {fuzzer.Tokens:N0} tokens equal to the reference, {fuzzer.Refusals:N0} documented refusals");
        Assert.That(fuzzer.Tokens, Is.GreaterThan(iterations / 50), "the driver must reach the encoder, not only the validation");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
