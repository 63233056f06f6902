using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>One options object shared by many threads: every token verifies and carries its own thread's user.</summary>
public sealed class ConcurrencyTests
{
    [Test]
    public void Threads_sharing_one_options_object_each_get_their_own_valid_tokens()
    {
        const int Threads = 8;
        const int PerThread = 2_000;
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(1_764_000_000) };
        var tokens = new ConcurrentBag<(string Sub, string Token)>();
        using var start = new Barrier(Threads);

        // Threads of its own: a barrier of eight on the thread pool would wait for the pool to grow to eight.
        var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < PerThread; i++)
            {
                string sub = $"thread-{thread}-user-{i}";
                tokens.Add((sub, ReqioToken.Mint(new ReqioUser(sub), options)));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.That(tokens, Has.Count.EqualTo(Threads * PerThread));
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        foreach ((string sub, string token) in tokens)
        {
            int dot = token.LastIndexOf('.');
            string signature = Jwt.Base64UrlEncode(hmac.ComputeHash(Encoding.ASCII.GetBytes(token.Substring(0, dot))));
            Assert.That(token.Substring(dot + 1), Is.EqualTo(signature), sub);
            Assert.That((string?)Jwt.Payload(token)["sub"], Is.EqualTo(sub));
        }

        Assert.That(tokens.Select(t => t.Token).Distinct().Count(), Is.EqualTo(Threads * PerThread));
    }
}
