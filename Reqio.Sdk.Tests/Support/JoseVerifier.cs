using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// Verifies tokens with <c>jose</c> under node (jose-verifier/verify.mjs), the library of Reqio's Node snippet.
/// The Test task installs it (<c>npm ci</c>); a missing node or jose fails the test, it is never skipped.
/// </summary>
internal static class JoseVerifier
{
    /// <summary>Verifies every token at <paramref name="now"/>; returns each payload, or throws naming the first failure.</summary>
    public static IReadOnlyList<JsonObject> VerifyAll(IReadOnlyList<string> tokens, string secret, string audience, long now)
    {
        JsonArray results = Run(tokens, secret, audience, now);
        Assert.That(results, Has.Count.EqualTo(tokens.Count));
        var payloads = new List<JsonObject>();
        for (int i = 0; i < results.Count; i++)
        {
            JsonObject entry = results[i]!.AsObject();
            if (!(bool)entry["ok"]!)
            {
                throw new AssertionException($"jose rejected token {i} ({tokens[i]}): {entry["error"]}");
            }

            Assert.That((string?)entry["header"]!["alg"], Is.EqualTo("HS256"));
            Assert.That((string?)entry["header"]!["typ"], Is.EqualTo("JWT"));
            payloads.Add(entry["payload"]!.AsObject());
        }

        return payloads;
    }

    /// <summary>Returns jose's verdict on each token: null when it verified, else jose's error.</summary>
    public static IReadOnlyList<string?> Errors(IReadOnlyList<string> tokens, string secret, string audience, long now) =>
        Run(tokens, secret, audience, now).Select(r => (bool)r!["ok"]! ? null : (string?)r["error"]).ToList();

    private static JsonArray Run(IReadOnlyList<string> tokens, string secret, string audience, long now)
    {
        var request = new JsonObject
        {
            ["secret"] = secret,
            ["audience"] = audience,
            ["now"] = now,
            ["tokens"] = new JsonArray(tokens.Select(t => (JsonNode?)t).ToArray()),
        };
        string folder = FindFolder();
        BufferedCommandResult result;
        try
        {
            result = Cli.Wrap("node").WithArguments("verify.mjs").WithWorkingDirectory(folder)
                .WithStandardInputPipe(PipeSource.FromString(request.ToJsonString(), Encoding.UTF8))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e)
        {
            throw new AssertionException($"node could not be started ({e.Message}); it must be installed for the jose tests.");
        }

        if (result.ExitCode != 0)
        {
            throw new AssertionException($"node verify.mjs exited with {result.ExitCode}: {result.StandardError}");
        }

        return JsonNode.Parse(result.StandardOutput)!.AsArray();
    }

    private static string FindFolder()
    {
        string folder = RepositoryRoot.Combine("Reqio.Sdk.Tests", "jose-verifier");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "jose")))
        {
            throw new AssertionException($"jose is not installed: run `npm ci` in {folder} (the Test task does).");
        }

        return folder;
    }
}
