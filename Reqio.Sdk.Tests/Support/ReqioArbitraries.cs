using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// FsCheck generators: valid users whose strings reach every kind of UTF-16 (ASCII, quotes, backslashes, C0 controls,
/// DEL, Latin-1, the rest of the BMP, astral characters as surrogate pairs) at every length up to the field limits,
/// with every trait combination; and the same strings with one lone surrogate planted in them.
/// </summary>
public static class ReqioArbitraries
{
    private static readonly Gen<string> s_character = Gen.Frequency(
        (5, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (2, Gen.Elements("\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0085", "\u2028", "\ufeff", "\uffff")),
        (1, Gen.Choose(0x00, 0x1F).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x80, 0xD7FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xE000, 0xFFFF).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    public static Arbitrary<ReqioUser> Users() => UserGen.ToArbitrary();

    public static Arbitrary<BrokenText> BrokenTexts() =>
        (from field in Gen.Elements("id", "email", "plan", "audience", "secret")
         from text in Text(1, 40)
         from at in Gen.Choose(0, 40)
         from surrogate in Gen.Elements('\ud800', '\udbff', '\udc00', '\udfff')
         select new BrokenText(field, text.Insert(Math.Min(at, text.Length), surrogate.ToString()))).ToArbitrary();

    public static Gen<ReqioUser> UserGen =>
        from id in Text(1, ReqioUser.MaxIdLength).Where(s => !string.IsNullOrWhiteSpace(s))
        from email in Gen.OneOf(Gen.Constant<string?>(null), Email().Select(e => (string?)e))
        from traits in Traits()
        select new ReqioUser(id, email, traits);

    /// <summary>Valid UTF-16 of <paramref name="min"/> to <paramref name="max"/> code units, never splitting a pair.</summary>
    public static Gen<string> Text(int min, int max) =>
        from length in Gen.Frequency((3, Gen.Choose(min, Math.Min(max, 24))), (1, Gen.Choose(min, max)))
        from characters in Gen.ArrayOf(s_character, length)
        select Fit(string.Concat(characters), min, max);

    private static Gen<string> Email() =>
        from local in Text(1, 60)
        from domain in Text(1, 60)
        let clean = new Func<string, string>(s => new string(s.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()))
        select Fit(Or(clean(local), "a") + "@" + Or(clean(domain), "b"), 3, ReqioUser.MaxEmailLength);

    private static Gen<ReqioTraits?> Traits() =>
        from kind in Gen.Choose(0, 4)
        from plan in Text(1, ReqioTraits.MaxPlanLength).Where(s => !string.IsNullOrWhiteSpace(s))
        from amount in Gen.Frequency(
            (1, Gen.Constant(0L)), (1, Gen.Constant(ReqioTraits.MaxAmountCents)), (4, Gen.Choose(0, int.MaxValue).Select(a => (long)a)),
            (2, Gen.Choose(0, int.MaxValue).Select(a => (long)a * 4_194_303L)))
        from yearly in Gen.Elements(true, false)
        let interval = yearly ? BillingInterval.Year : BillingInterval.Month
        select kind switch
        {
            0 => null,
            1 => new ReqioTraits(),
            2 => new ReqioTraits(plan),
            3 => new ReqioTraits(null, amount, interval),
            _ => new ReqioTraits(plan, amount, interval),
        };

    /// <summary>Cuts to at most <paramref name="max"/> units without splitting a surrogate pair; pads to <paramref name="min"/>.</summary>
    private static string Fit(string text, int min, int max)
    {
        if (text.Length > max)
        {
            text = text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
        }

        return text.Length < min ? text + new string('x', min - text.Length) : text;
    }

    private static string Or(string text, string fallback) => text.Length == 0 ? fallback : text;
}

/// <summary>A field name and a text for it that holds one unpaired surrogate.</summary>
public sealed record BrokenText(string Field, string Text);
