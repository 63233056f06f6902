namespace Reqio.Sdk;

/// <summary>
/// Recognizes an absolute <c>http</c> or <c>https</c> URI by RFC 3986's grammar, without <see cref="Uri"/>, whose
/// first use costs a fresh process about 9 ms and a native AOT binary about 185 KB. Accepted: the scheme in any case
/// and <c>//</c>; an authority of an optional user-info and <c>@</c>, a host, an optional <c>:</c> and port; then
/// nothing, or a path, query or fragment (anything, <c>/</c>, <c>?</c> or <c>#</c> first). The host is dot-separated
/// labels of letters, digits, <c>-</c> and <c>_</c>, each starting with a letter or digit and not ending with
/// <c>-</c> (an internationalized name in its ASCII <c>xn--</c> form), with at most a trailing dot; or an IPv6
/// address in brackets. The port is digits up to 65535. Everything accepted here,
/// <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> accepts as an http or https URI with a host too; the tests
/// hold the two side by side.
/// </summary>
internal static class HttpUri
{
    public static bool IsAbsolute(string value)
    {
        int start = value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : -1;
        if (start < 0)
        {
            return false;
        }

        int end = start;
        while (end < value.Length && value[end] is not ('/' or '?' or '#'))
        {
            end++;
        }

        int at = value.IndexOf('@', start, end - start);
        if (at >= 0)
        {
            if (!IsUserInfo(value, start, at))
            {
                return false;
            }

            start = at + 1;
        }

        int hostEnd;
        if (start < end && value[start] == '[')
        {
            hostEnd = value.IndexOf(']', start, end - start) + 1;
            if (hostEnd == 0 || !IsIPv6(value, start + 1, hostEnd - 1))
            {
                return false;
            }
        }
        else
        {
            hostEnd = start;
            while (hostEnd < end && value[hostEnd] != ':')
            {
                hostEnd++;
            }

            if (!IsHostName(value, start, hostEnd))
            {
                return false;
            }
        }

        return hostEnd == end || (value[hostEnd] == ':' && IsPort(value, hostEnd + 1, end));
    }

    /// <summary>Unreserved characters, sub-delimiters, <c>:</c> and <c>%</c>-escapes; possibly none.</summary>
    private static bool IsUserInfo(string value, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            if (c == '%')
            {
                if (i + 2 >= end || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsAsciiLetterOrDigit(c) && "-._~!$&'()*+,;=:".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Labels joined by dots, with at most a trailing dot after the last: each of letters, digits, <c>-</c> and
    /// <c>_</c>, starting with a letter or digit and not ending with <c>-</c> (RFC 1123's host names, with the
    /// underscores that development host names have).
    /// </summary>
    private static bool IsHostName(string value, int start, int end)
    {
        // What came before each character; a dot at the start, so a label may not begin with '.' or '-'.
        char previous = '.';
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            bool ok = c switch
            {
                '.' => previous is not ('.' or '-'),
                '-' or '_' => previous != '.',
                _ => IsAsciiLetterOrDigit(c),
            };
            if (!ok)
            {
                return false;
            }

            previous = c;
        }

        return end > start && previous != '-';
    }

    /// <summary>Digits (possibly none) whose value is at most 65535.</summary>
    private static bool IsPort(string value, int start, int end)
    {
        int port = 0;
        for (int i = start; i < end; i++)
        {
            if (value[i] is < '0' or > '9')
            {
                return false;
            }

            port = Math.Min((port * 10) + (value[i] - '0'), 65536);
        }

        return port <= 65535;
    }

    /// <summary>RFC 4291's text form: eight groups of 1–4 hex digits, one <c>::</c> for a run of zero groups, and a dotted IPv4 address for the last two.</summary>
    private static bool IsIPv6(string value, int start, int end)
    {
        int groups = 0;
        bool compressed = false;
        int i = start;
        if (end - start >= 2 && value[i] == ':' && value[i + 1] == ':')
        {
            compressed = true;
            i += 2;
        }

        while (i < end)
        {
            int digits = i;
            while (digits < end && IsHex(value[digits]))
            {
                digits++;
            }

            if (digits < end && value[digits] == '.')
            {
                return IsIPv4(value, i, end) && (compressed ? groups + 2 <= 7 : groups + 2 == 8);
            }

            if (digits == i || digits - i > 4)
            {
                return false;
            }

            groups++;
            i = digits;
            if (i == end)
            {
                break;
            }

            if (value[i] != ':' || ++i == end)
            {
                return false;
            }

            if (value[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    /// <summary>Four dot-separated numbers of one to three digits, each at most 255.</summary>
    private static bool IsIPv4(string value, int start, int end)
    {
        int parts = 0;
        int i = start;
        while (parts < 4)
        {
            int number = 0;
            int digits = 0;
            while (i < end && value[i] is >= '0' and <= '9' && digits < 3)
            {
                number = (number * 10) + (value[i++] - '0');
                digits++;
            }

            if (digits == 0 || number > 255)
            {
                return false;
            }

            parts++;
            if (parts < 4 && (i >= end || value[i++] != '.'))
            {
                return false;
            }
        }

        return i == end;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f');
}
