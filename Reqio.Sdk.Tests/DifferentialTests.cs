using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The encoder against independent code: generated users' tokens against the naive reference encoder, and a million
/// generated strings that go in as the user id and read back exactly through System.Text.Json's reader.
/// </summary>
public sealed class DifferentialTests
{
    private const int Users = 5_000;

    [Test]
    public void Generated_users_tokens_equal_the_reference_encoders()
    {
        var generator = new RandomUsers(seed: 9);
        const long Now = 1_764_000_000;
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(Now) };
        byte[] key = Encoding.UTF8.GetBytes(Secret);

        for (int i = 0; i < Users; i++)
        {
            ReqioUser user = generator.Next();
            string expected = ReferenceEncoder.Mint(user, key, Audience, Now, 300);
            if (ReqioToken.Mint(user, options) != expected)
            {
                Assert.Fail($"user {i} ({user}): the token differs from the reference encoder's {expected}");
            }
        }
    }

    private const int Strings = 1_000_000;

    [Test]
    [Category(Needs.Long)]
    public void A_million_generated_strings_read_back_exactly_through_System_Text_Json()
    {
        var generator = new RandomUsers(seed: 6);
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(1_764_000_000) };
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
            byte[] payload = Jwt.Base64UrlDecode(token.Substring(first, token.IndexOf('.', first) - first));

            string? read = ReadSub(payload);
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
