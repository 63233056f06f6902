using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Reqio.Sdk.Benchmarks.Endpoint;

/// <summary>
/// One keep-alive HTTP/1.1 connection of the load generator: it sends a GET and reads the whole response (status line,
/// headers, and a body framed by <c>Content-Length</c> or chunked), one request at a time. Written over a socket rather
/// than taken from <c>HttpClient</c> so that the load generator spends little of its core a request and the app's core
/// stays the one that limits the rate, as with a native load generator.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private byte[] _body = new byte[1024];
    private int _start;
    private int _end;

    private HttpConnection(Socket socket) => _socket = socket;

    public static async Task<HttpConnection> OpenAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server).ConfigureAwait(false);
        return new HttpConnection(socket);
    }

    /// <summary>The request bytes for a GET of <paramref name="path"/> on <paramref name="server"/>.</summary>
    public static byte[] Get(IPEndPoint server, string path) => Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {server}\r\n\r\n");

    /// <summary>
    /// Sends <paramref name="request"/>; returns the response's status, whether its <c>Cache-Control</c> says
    /// <c>no-store</c>, and its body (valid until the next call).
    /// </summary>
    public async Task<(HttpStatusCode Status, bool NoStore, ReadOnlyMemory<byte> Body)> SendAsync(byte[] request)
    {
        await _socket.SendAsync(request, SocketFlags.None).ConfigureAwait(false);
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync().ConfigureAwait(false);
        }

        HttpStatusCode status = ReadHead(headEnd, out int? contentLength, out bool chunked, out bool noStore);
        int length = 0;
        if (chunked)
        {
            while (true)
            {
                int size = ChunkSize(await ReadLineAsync().ConfigureAwait(false));
                if (size == 0)
                {
                    // No trailers from Kestrel here: the empty line that ends the body.
                    await ReadLineAsync().ConfigureAwait(false);
                    break;
                }

                length = await ReadBodyAsync(length, size).ConfigureAwait(false);
                await ReadLineAsync().ConfigureAwait(false);
            }
        }
        else
        {
            length = await ReadBodyAsync(0, contentLength ?? throw new InvalidOperationException("a response with neither Content-Length nor chunks")).ConfigureAwait(false);
        }

        return (status, noStore, _body.AsMemory(0, length));
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>Appends the next <paramref name="count"/> bytes of the stream to the body at <paramref name="at"/>.</summary>
    private async Task<int> ReadBodyAsync(int at, int count)
    {
        if (_body.Length < at + count)
        {
            Array.Resize(ref _body, Math.Max(_body.Length * 2, at + count));
        }

        while (_end - _start < count)
        {
            await FillAsync().ConfigureAwait(false);
        }

        _buffer.AsSpan(_start, count).CopyTo(_body.AsSpan(at));
        _start += count;
        return at + count;
    }

    /// <summary>
    /// Reads the status line and headers in place, without copying them: the status, how the body is framed, and
    /// whether the response may be stored. The generator's own cost a request is what leaves the app's core the one
    /// that limits the rate.
    /// </summary>
    private HttpStatusCode ReadHead(int headEnd, out int? contentLength, out bool chunked, out bool noStore)
    {
        ReadOnlySpan<byte> head = _buffer.AsSpan(_start, headEnd);
        _start += headEnd + 4;
        int lineEnd = head.IndexOf("\r\n"u8);
        ReadOnlySpan<byte> statusLine = lineEnd < 0 ? head : head[..lineEnd];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' ')
        {
            throw new InvalidOperationException($"not an HTTP/1.x response: {Encoding.ASCII.GetString(statusLine)}");
        }

        var status = (HttpStatusCode)int.Parse(statusLine.Slice(9, 3), CultureInfo.InvariantCulture);
        (contentLength, chunked, noStore) = (null, false, false);
        for (ReadOnlySpan<byte> rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..]; !rest.IsEmpty;)
        {
            int end = rest.IndexOf("\r\n"u8);
            ReadOnlySpan<byte> header = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            int colon = header.IndexOf((byte)':');
            ReadOnlySpan<byte> name = header[..colon].Trim((byte)' ');
            ReadOnlySpan<byte> value = header[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = int.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Cache-Control"u8))
            {
                noStore = value.IndexOf("no-store"u8) >= 0;
            }
        }

        return status;
    }

    /// <summary>A chunk's size line (<c>1a2</c>, or <c>1a2;extension</c>), read where <see cref="ReadLineAsync"/> left it.</summary>
    private int ChunkSize(int lineLength)
    {
        ReadOnlySpan<byte> line = _buffer.AsSpan(_start - lineLength - 2, lineLength);
        int extension = line.IndexOf((byte)';');
        return int.Parse(extension < 0 ? line : line[..extension], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads past the next line of the stream and its CRLF; returns the line's length (its bytes stay in the buffer until the next read).</summary>
    private async Task<int> ReadLineAsync()
    {
        int end;
        while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            await FillAsync().ConfigureAwait(false);
        }

        _start += end + 2;
        return end;
    }

    private async Task FillAsync()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            int unread = _end - _start;
            if (_start == 0)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
                (_start, _end) = (0, unread);
            }
        }

        int read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None).ConfigureAwait(false);
        _end += read > 0 ? read : throw new InvalidOperationException("the app closed the connection");
    }
}
