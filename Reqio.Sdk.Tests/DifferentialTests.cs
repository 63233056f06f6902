using System.Buffers.Text;
using System.Diagnostics;
using System.Text.Json;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The JSON string writer against System.Text.Json's reader: a million generated strings go in as the user id,
/// and reading the token's payload back gives each one exactly.
/// </summary>
public sealed class DifferentialTests
{
    private const int Strings = 1_000_000;

    [Test]
    public void A_million_generated_strings_read_back_exactly_through_System_Text_Json()
    {
        var generator = new RandomUsers(seed: 6);
        var options = new ReqioOptions(Secret, Audience) { Clock = new FixedClock(1_764_000_000) };
        byte[] payload = new byte[ReqioToken.MaxTokenLength];
        var clock = Stopwatch.StartNew();

        for (int i = 0; i < Strings; i++)
        {
            string id = generator.Text(1, i % 10 == 0 ? ReqioUser.MaxIdLength - 1 : 24);
            if (string.IsNullOrWhiteSpace(id))
            {
                id += "x";
            }

            string token = ReqioToken.Mint(new ReqioUser(id), options);
            int first = token.IndexOf('.') + 1;
            string part = token[first..token.IndexOf('.', first)];
            Base64Url.DecodeFromChars(part, payload, out _, out int length);

            string? read = ReadSub(payload.AsSpan(0, length));
            if (read != id)
            {
                Assert.Fail($"string {i}: wrote {Escape(id)}, System.Text.Json read {Escape(read)}");
            }
        }

        TestContext.Out.WriteLine($"{Strings:N0} strings in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static string? ReadSub(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("sub"u8))
            {
                reader.Read();
                return reader.GetString();
            }
        }

        return null;
    }

    private static string Escape(string? text) => text is null ? "(none)" : JsonSerializer.Serialize(text);
}
