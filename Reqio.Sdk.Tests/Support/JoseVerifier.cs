using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

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
        var start = new ProcessStartInfo("node", "verify.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AssertionException($"node could not be started ({e.Message}); it must be installed for the jose tests.");
        }

        using (process)
        {
            // Bytes, not a TextWriter: .NET Framework has no StandardInputEncoding, and its default is not UTF-8.
            byte[] input = System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
            process.StandardInput.BaseStream.Write(input, 0, input.Length);
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new AssertionException($"node verify.mjs exited with {process.ExitCode}: {stderr.Result}");
            }

            return JsonNode.Parse(stdout)!.AsArray();
        }
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
