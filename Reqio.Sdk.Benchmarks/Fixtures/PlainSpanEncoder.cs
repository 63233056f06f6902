using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Reqio.Sdk.Benchmarks.Fixtures;

/// <summary>
/// A comparison point, not a product: the least a span-based HS256 encoder does for the reference user, with no
/// escaping, no validation and a fixed field set, using one reused <see cref="HMACSHA256"/>. It shows how close the
/// SDK's escaping, validation and layout come to free. Correct only for plain ASCII values, and not thread-safe.
/// </summary>
internal sealed class PlainSpanEncoder
{
    private static readonly byte[] s_header = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");
    private readonly HMACSHA256 _hmac = new(Reference.Key);

    public string Mint(string sub, string email, string plan, long amount, string interval, string audience, long issuedAt)
    {
        Span<byte> json = stackalloc byte[1024];
        int n = 0;
        n += Encoding.ASCII.GetBytes("{\"sub\":\"", json[n..]);
        n += Encoding.ASCII.GetBytes(sub, json[n..]);
        n += Encoding.ASCII.GetBytes("\",\"email\":\"", json[n..]);
        n += Encoding.ASCII.GetBytes(email, json[n..]);
        n += Encoding.ASCII.GetBytes("\",\"traits\":{\"plan\":\"", json[n..]);
        n += Encoding.ASCII.GetBytes(plan, json[n..]);
        n += Encoding.ASCII.GetBytes("\",\"amount\":", json[n..]);
        Utf8Formatter.TryFormat(amount, json[n..], out int written);
        n += written;
        n += Encoding.ASCII.GetBytes(",\"interval\":\"", json[n..]);
        n += Encoding.ASCII.GetBytes(interval, json[n..]);
        n += Encoding.ASCII.GetBytes("\"},\"aud\":\"", json[n..]);
        n += Encoding.ASCII.GetBytes(audience, json[n..]);
        n += Encoding.ASCII.GetBytes("\",\"iat\":", json[n..]);
        Utf8Formatter.TryFormat(issuedAt, json[n..], out written);
        n += written;
        n += Encoding.ASCII.GetBytes(",\"exp\":", json[n..]);
        Utf8Formatter.TryFormat(issuedAt + Reference.LifetimeSeconds, json[n..], out written);
        n += written;
        json[n++] = (byte)'}';

        Span<byte> token = stackalloc byte[2048];
        s_header.CopyTo(token);
        int length = s_header.Length + Base64Url.EncodeToUtf8(json[..n], token[s_header.Length..]);
        Span<byte> mac = stackalloc byte[32];
        _hmac.TryComputeHash(token[..length], mac, out _);
        token[length++] = (byte)'.';
        length += Base64Url.EncodeToUtf8(mac, token[length..]);
        return Encoding.ASCII.GetString(token[..length]);
    }
}
