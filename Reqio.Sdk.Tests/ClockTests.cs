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
    public void The_clock_message_gives_the_refused_time_as_the_clock_gave_it_with_its_offset()
    {
        // A millisecond before the epoch, in a zone five hours behind UTC: the message keeps the offset and the
        // fraction, so nobody has to guess which clock reading was refused.
        var project = new ReqioProject(Secret, Audience) { Clock = new FixedClock(new DateTimeOffset(1969, 12, 31, 18, 59, 59, 999, TimeSpan.FromHours(-5))) };

        var e = Assert.Throws<InvalidOperationException>(() => ReqioToken.Mint(s_user, project));

        Assert.That(e!.Message, Is.EqualTo(
            "The project's Clock returned 1969-12-31T18:59:59.9990000-05:00; iat must be at or after 1970-01-01T00:00:00Z and exp (300 s later) at or before 9999-12-31T23:59:59Z."));
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
