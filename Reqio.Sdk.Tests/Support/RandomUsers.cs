using System.Collections.Generic;
using System.Text;

namespace Reqio.Sdk.Tests.Support;

/// <summary>
/// Seeded generator of valid users whose strings reach every escaping case: ASCII, quotes and backslashes, C0
/// controls and DEL, Latin-1, the BMP (but no lone surrogates), and astral characters such as emoji.
/// </summary>
internal sealed class RandomUsers
{
    private const string Tricky = "\"\\/'\b\f\n\r\t\u0000\u001f\u007f\u0080\u00e9\u2028\u2029\ufeff\uffff <>&=+";
    private readonly Random _random;

    public RandomUsers(int seed) => _random = new Random(seed);

    public ReqioUser Next()
    {
        string id = Text(1, 64);
        if (string.IsNullOrWhiteSpace(id))
        {
            id = "x" + id;
        }

        string? email = _random.Next(4) == 0 ? null : Email();
        ReqioTraits? traits = _random.Next(4) switch
        {
            0 => null,
            1 => new ReqioTraits(Plan()),
            2 => new ReqioTraits(_random.Next(2) == 0 ? null : Plan(), NextAmount(), _random.Next(2) == 0 ? BillingInterval.Month : BillingInterval.Year),
            _ => new ReqioTraits(null, null, BillingInterval.Year),
        };
        return new ReqioUser(id, email, traits);
    }

    public List<ReqioUser> Take(int count)
    {
        var users = new List<ReqioUser>(count);
        for (int i = 0; i < count; i++)
        {
            users.Add(Next());
        }

        return users;
    }

    /// <summary>Valid UTF-16 of <paramref name="min"/> to <paramref name="max"/> code units.</summary>
    public string Text(int min, int max)
    {
        int length = _random.Next(min, max + 1);
        var text = new StringBuilder(length + 1);
        while (text.Length < length)
        {
            AppendChar(text, allowControls: true);
        }

        return text.ToString();
    }

    private string Email()
    {
        var text = new StringBuilder();
        int local = _random.Next(1, 20);
        while (text.Length < local)
        {
            AppendChar(text, allowControls: false);
        }

        text.Append('@');
        int domain = text.Length + _random.Next(1, 20);
        while (text.Length < domain)
        {
            AppendChar(text, allowControls: false);
        }

        return text.ToString();
    }

    private string Plan()
    {
        string plan = Text(1, 40);
        return string.IsNullOrWhiteSpace(plan) ? "p" + plan : plan;
    }

    private long NextAmount() => _random.Next(5) switch
    {
        0 => 0,
        1 => ReqioTraits.MaxAmountCents,
        _ => _random.NextInt64(0, ReqioTraits.MaxAmountCents),
    };

    private void AppendChar(StringBuilder text, bool allowControls)
    {
        while (true)
        {
            int before = text.Length;
            switch (_random.Next(6))
            {
                case 0:
                case 1:
                    text.Append((char)_random.Next(0x20, 0x7F));
                    break;
                case 2:
                    text.Append(Tricky[_random.Next(Tricky.Length)]);
                    break;
                case 3:
                    text.Append((char)_random.Next(0x80, 0x800));
                    break;
                case 4:
                    char c = (char)_random.Next(0x800, 0x10000);
                    text.Append(char.IsSurrogate(c) ? '\u4e2d' : c);
                    break;
                default:
                    text.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
                    break;
            }

            string added = text.ToString(before, text.Length - before);
            bool rejected = !allowControls && (added.Length == 1 && (char.IsWhiteSpace(added[0]) || char.IsControl(added[0])));
            if (!rejected)
            {
                return;
            }

            text.Length = before;
        }
    }
}
