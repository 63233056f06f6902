using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// A seeded random driver for the encoder: it throws arbitrary values at every entry point (lone surrogates,
/// blanks, overlong fields, any amount, undefined intervals, any lifetime, any clock) and checks the contract for
/// each: either a documented exception naming a known parameter, or a token equal to
/// <see cref="ReferenceEncoder"/>'s. The same seed always replays the same inputs.
/// </summary>
internal sealed class EncoderFuzzer(int seed)
{
    private static readonly HashSet<string> s_parameters = ["id", "email", "plan", "amountCents", "interval", "secret", "audience", "Lifetime"];
    private readonly Random _random = new(seed);
    private readonly RandomUsers _users = new(seed);

    public int Tokens { get; private set; }

    public int Refusals { get; private set; }

    /// <summary>Runs one case; returns null when the contract held, else what broke it.</summary>
    public string? RunOne()
    {
        // Each value is usually plausible and sometimes hostile, so cases reach the encoder as well as the checks.
        string id = Hostile() ? Text(300) : _users.Text(1, 80);
        // A usable secret is any text on one line: white space and control characters are refused anywhere in it.
        string secret = Hostile() ? Text(60) : "rq_sk_" + string.Concat(_users.Text(32, 48).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));
        string audience = Hostile() ? Text(40) : "https://reqio.app/p/proj_" + _random.Next(1000);
        string? email = Maybe(() => Hostile() ? Text(20) + (_random.Next(4) == 0 ? "" : "@") + Text(20) : "a" + _random.Next() + "@example.com");
        string? plan = Maybe(() => Hostile() ? Text(140) : _users.Text(1, 40));
        long? amount = MaybeValue(() => _random.Next(4) switch { 0 => _random.NextInt64(), 1 => -_random.NextInt64(), _ => _random.Next(100_000) });
        BillingInterval? interval = MaybeValue(() => Hostile() ? (BillingInterval)_random.Next(-1, 4) : BillingInterval.Year);
        TimeSpan lifetime = Hostile() ? TimeSpan.FromTicks(_random.NextInt64(-1, TimeSpan.TicksPerHour * 2)) : TimeSpan.FromSeconds(_random.Next(1, 3601));
        var now = Hostile()
            ? new DateTimeOffset(_random.NextInt64(DateTimeOffset.MinValue.Ticks, DateTimeOffset.MaxValue.Ticks), TimeSpan.Zero)
            : DateTimeOffset.FromUnixTimeSeconds(_random.NextInt64(0, 4_000_000_000));

        ReqioUser user;
        ReqioProject options;
        try
        {
            user = new ReqioUser(id, email, plan is null && amount is null && interval is null ? null : new ReqioTraits(plan, amount, interval));
            options = new ReqioProject(secret, audience) { Lifetime = lifetime, Clock = new FixedClock(now) };
        }
        catch (ArgumentException e) when (e.ParamName is not null && s_parameters.Contains(e.ParamName))
        {
            Refusals++;
            return e.Message.Contains(secret, StringComparison.Ordinal) && secret.Length > 3 ? "a message carried the secret" : null;
        }

        long issuedAt = now.ToUnixTimeSeconds();
        long lifetimeSeconds = (long)lifetime.TotalSeconds;
        bool validTime = issuedAt >= 0 && issuedAt + lifetimeSeconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        try
        {
            string token = ReqioToken.Mint(user, options);
            Tokens++;
            string expected = ReferenceEncoder.Mint(user, Encoding.UTF8.GetBytes(secret), audience, issuedAt, lifetimeSeconds);
            return !validTime ? $"minted for a clock out of range: {now:O}"
                : token != expected ? $"token differs from the reference for {user}"
                : null;
        }
        catch (InvalidOperationException) when (!validTime)
        {
            Refusals++;
            return null;
        }
    }

    private bool Hostile() => _random.Next(8) == 0;

    private string Text(int maxLength)
    {
        int length = _random.Next(5) == 0 ? 0 : _random.Next(1, maxLength + 1);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(_random.Next(8) switch
            {
                0 => (char)_random.Next(0, 0x20),
                1 => (char)_random.Next(0xD800, 0xE000),   // surrogates, paired or not, by chance
                2 => (char)_random.Next(0x80, 0x10000),
                3 => " \"\\/@<>&'"[_random.Next(9)],
                _ => (char)_random.Next(0x21, 0x7F),
            });
        }

        return text.ToString();
    }

    private T? Maybe<T>(Func<T> make)
        where T : class => _random.Next(3) == 0 ? null : make();

    private T? MaybeValue<T>(Func<T> make)
        where T : struct => _random.Next(3) == 0 ? null : make();
}
