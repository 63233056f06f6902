using System.Collections.Generic;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;
#if REQIO_NET8
using Microsoft.Extensions.Time.Testing;
#endif

namespace Reqio.Sdk.Tests;

/// <summary>iat is the clock's Unix seconds (fraction dropped) and exp is iat + lifetime, whatever the clock says.</summary>
public sealed class ClockTests
{
    private static readonly ReqioUser s_user = new("1");

    private static (long Iat, long Exp) Times(ReqioProject options)
    {
        var payload = Jwt.Payload(ReqioToken.Mint(s_user, options));
        return ((long)payload["iat"]!, (long)payload["exp"]!);
    }

    [Test]
    public void A_fake_clock_sets_iat_and_exp_exactly_and_is_read_on_every_token()
    {
        var clock = new FixedClock(1_764_000_000);
        var options = new ReqioProject(Secret, Audience) { Clock = clock };

        Assert.That(Times(options), Is.EqualTo((1_764_000_000L, 1_764_000_300L)));
        clock.Advance(TimeSpan.FromSeconds(42));
        Assert.That(Times(options), Is.EqualTo((1_764_000_042L, 1_764_000_342L)));
    }

    [Test]
    public void Fractions_of_a_second_are_floored()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000).AddTicks(TimeSpan.TicksPerSecond - 1);
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(at) };

        Assert.That(Times(options), Is.EqualTo((1_764_000_000L, 1_764_000_300L)));
    }

    [Test]
    public void A_clock_in_another_offset_gives_the_same_instant()
    {
        var at = new DateTimeOffset(2025, 11, 24, 17, 0, 0, TimeSpan.FromHours(-7));
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(at) };

        Assert.That(Times(options).Iat, Is.EqualTo(at.ToUnixTimeSeconds()));
    }

    [Test]
    public void The_epoch_and_the_year_9999_are_written_exactly()
    {
        var epoch = new ReqioProject(Secret, Audience) { Clock = new FixedClock(0) };
        var last = new ReqioProject(Secret, Audience) { Clock = new FixedClock(DateTimeOffset.MaxValue.AddHours(-1)), Lifetime = TimeSpan.FromHours(1) };

        Assert.That(Times(epoch), Is.EqualTo((0L, 300L)));
        Assert.That(Times(last), Is.EqualTo((253_402_297_199L, 253_402_300_799L)));
        Assert.That(ReqioToken.Mint(s_user, last), Has.Length.EqualTo(ReqioToken.GetMaxTokenLength(s_user, last)));
    }

    [Test]
    public void A_clock_before_1970_is_a_clear_InvalidOperationException()
    {
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(-1)) };

        var e = Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(s_user, options));
        Assert.That(e!.Message, Does.Contain("Clock").And.Contain("1970"));
    }

    [Test]
    public void A_clock_so_late_that_exp_would_pass_the_year_9999_is_a_clear_InvalidOperationException()
    {
        var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(DateTimeOffset.MaxValue.AddSeconds(-299)) };

        var e = Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(s_user, options));
        Assert.That(e!.Message, Does.Contain("Clock").And.Contain("9999"));
    }

    [Test]
    public void The_clock_message_gives_the_time_exactly_as_the_round_trip_format_writes_it()
    {
        // The SDK writes the time itself (the BCL's formatter would bring the culture machinery into AOT apps).
        var random = new Random(3);
        var times = new List<DateTimeOffset>
        {
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
            new(1969, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
            new(1, 2, 3, 4, 5, 6, TimeSpan.FromHours(14)),
            new(1960, 7, 8, 9, 10, 11, TimeSpan.FromMinutes(-(9 * 60) - 30)),
        };
        for (int i = 0; i < 300; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            long ticks = random.NextInt64(DateTimeOffset.MinValue.Ticks + TimeSpan.TicksPerDay, DateTimeOffset.FromUnixTimeSeconds(0).Ticks);
            times.Add(new DateTimeOffset(ticks, offset));
        }

        foreach (DateTimeOffset now in times)
        {
            var options = new ReqioProject(Secret, Audience) { Clock = new FixedClock(now) };
            var e = Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(s_user, options));
            Assert.That(e!.Message, Does.Contain($"returned {now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)};"));
        }
    }

    [Test]
    public void A_clock_that_throws_lets_its_exception_through_and_writes_nothing()
    {
        var options = new ReqioProject(Secret, Audience) { Clock = new ThrowingClock() };

        Assert.Throws<TimeZoneNotFoundException>(() => ReqioToken.Mint(s_user, options));
#if REQIO_SPANS
        char[] buffer = new char[ReqioToken.MaxTokenLength];
        Assert.Throws<TimeZoneNotFoundException>(() => ReqioToken.TryMint(s_user, options, buffer, out _));
        Assert.That(buffer, Is.All.EqualTo('\0'));
#endif
    }

    [Test]
    public void The_default_clock_is_the_system_clock()
    {
        var options = new ReqioProject(Secret, Audience);
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        long iat = Times(options).Iat;

        Assert.That(options.Clock, Is.SameAs(ReqioClock.System));
        Assert.That(iat, Is.InRange(before, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    }

#if REQIO_NET8
    [Test]
    public void FakeTimeProvider_drives_iat_and_exp_through_FromTimeProvider()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000));
        var options = new ReqioProject(Secret, Audience) { Clock = ReqioClock.FromTimeProvider(time), Lifetime = TimeSpan.FromSeconds(60) };

        Assert.That(Times(options), Is.EqualTo((1_764_000_000L, 1_764_000_060L)));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(Times(options), Is.EqualTo((1_764_000_300L, 1_764_000_360L)));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ReqioClock.FromTimeProvider(null!))!.ParamName, Is.EqualTo("timeProvider"));
    }
#endif

    private sealed class ThrowingClock : IReqioClock
    {
        public DateTimeOffset UtcNow => throw new TimeZoneNotFoundException("the clock is broken");
    }
}
