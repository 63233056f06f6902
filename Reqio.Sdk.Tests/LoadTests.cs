using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// Many threads, many options objects (each its own secret and audience), minting at once for seconds: every token
/// carries its own thread's user, is signed with its own options' key and audience, and memory stays flat.
/// </summary>
[NonParallelizable]
[Category(Needs.Long)]
public sealed class LoadTests
{
    private const int Threads = 8;
    private const int OptionsCount = 24;
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(3);

    [Test]
    public void Threads_minting_with_many_options_never_mix_users_keys_or_audiences_and_memory_stays_flat()
    {
        var secrets = Enumerable.Range(0, OptionsCount).Select(i => $"rq_sk_load_{i:D2}_" + new string((char)('a' + i), 32)).ToArray();
        var options = secrets.Select((s, i) => new ReqioProject(s, $"https://reqio.app/p/load_{i}")).ToArray();
        var hmacs = secrets.Select(s => new HMACSHA256(Encoding.UTF8.GetBytes(s))).ToArray();

        RunFor(TimeSpan.FromSeconds(0.5), options, hmacs);   // warm up: per-thread HMACs, JIT tiers
        long before = SettledHeap();
        (long tokens, List<string> failures) = RunFor(s_duration, options, hmacs);
        long after = SettledHeap();

        Assert.That(failures, Is.Empty);
        Assert.That(tokens, Is.GreaterThan(10_000));
        Assert.That(after - before, Is.LessThan(4 * 1024 * 1024), $"heap grew from {before:N0} B to {after:N0} B");
        TestContext.Out.WriteLine($"{tokens:N0} tokens checked in {s_duration.TotalSeconds} s on {Threads} threads; heap {before:N0} B -> {after:N0} B");
        foreach (HMACSHA256 hmac in hmacs)
        {
            hmac.Dispose();
        }
    }

    private static (long Tokens, List<string> Failures) RunFor(TimeSpan duration, ReqioProject[] options, HMACSHA256[] hmacs)
    {
        long tokens = 0;
        var failures = new List<string>();
        var stop = DateTime.UtcNow + duration;
        // Threads of its own, all started at once: the thread pool would add its threads one by one.
        var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            var random = new Random(thread);
            long mine = 0;
            for (int n = 0; DateTime.UtcNow < stop; n++)
            {
                int which = random.Next(OptionsCount);
                string sub = $"t{thread}-n{n}-o{which}";
                string token = ReqioToken.Mint(new ReqioUser(sub, $"{sub}@example.com"), options[which]);

                int dot = token.LastIndexOf('.');
                byte[] mac;
                lock (hmacs[which])
                {
                    mac = hmacs[which].ComputeHash(Encoding.ASCII.GetBytes(token.Substring(0, dot)));
                }

                var payload = Jwt.Payload(token);
                if (token.Substring(dot + 1) != Jwt.Base64UrlEncode(mac) || (string?)payload["sub"] != sub || (string?)payload["aud"] != options[which].Audience)
                {
                    lock (failures)
                    {
                        failures.Add(token);
                    }
                }

                mine++;
            }

            Interlocked.Add(ref tokens, mine);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return (tokens, failures);
    }

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
