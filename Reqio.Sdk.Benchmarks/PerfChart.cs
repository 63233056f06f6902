using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;

namespace Reqio.Sdk.Benchmarks;

/// <summary>
/// Draws perf-review.svg by hand (no charting package): time per token for our tiers and each peer as bars, the
/// reused-HMAC floor as a dashed line across them, and below, bytes allocated per token.
/// </summary>
internal static class PerfChart
{
    private const int Width = 900;
    private const int LabelWidth = 270;
    private const int BarHeight = 22;
    private const int BarGap = 8;
    private const int PlotWidth = Width - LabelWidth - 110;
    private const string Ours = "#1f6fb2";
    private const string Peer = "#9a9a9a";

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    // The bars, in order: BenchmarkDotNet method, label, ours or a peer.
    private static readonly (string Method, string Label, bool Ours)[] s_bars =
    [
        ("Reqio_TryMint_Utf8", "Reqio TryMint (UTF-8)", true),
        ("Reqio_TryMint_Chars", "Reqio TryMint (chars)", true),
        ("Reqio_Mint", "Reqio Mint", true),
        ("Peer_MicrosoftIdentityModelJsonWebTokens_CreateToken", "JsonWebTokenHandler.CreateToken", false),
        ("Peer_SystemIdentityModelTokensJwt_WriteToken", "JwtSecurityTokenHandler.WriteToken", false),
        ("Peer_JwtDotNet_Encode", "JWT (jwt-dotnet)", false),
        ("Peer_JoseJwt_Encode", "jose-jwt", false),
    ];

    /// <param name="path">Where to write the SVG.</param>
    /// <param name="methods">TokenBenchmarks' methods: name, mean nanoseconds, bytes allocated per call.</param>
    /// <param name="caption">The runtime and date, shown under the title.</param>
    public static void Write(string path, IReadOnlyList<(string Method, double MeanNs, long? Allocated)> methods, string caption)
    {
        var bars = s_bars
            .Select(b => (b.Label, b.Ours, Row: methods.FirstOrDefault(m => m.Method == b.Method)))
            .Where(b => b.Row.Method is not null)
            .ToList();
        if (bars.Count == 0)
        {
            Console.WriteLine("// perf-review.svg: no BenchmarkDotNet results for TokenBenchmarks to draw");
            return;
        }

        double? floor = methods.FirstOrDefault(m => m.Method == "Hmac_ReusedInstance_TryComputeHash").MeanNs is var f and > 0 ? f : null;

        int panel = (bars.Count * (BarHeight + BarGap)) + 70;
        int height = 70 + (2 * panel) + 20;
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">");
        svg.AppendLine("  <title>Reqio.Sdk: time and memory per token</title>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        Text(svg, 20, 30, "Reqio.Sdk: one token for the reference user", 18, "bold");
        Text(svg, 20, 52, Escape(caption) + " · BenchmarkDotNet means · blue: Reqio.Sdk, grey: other .NET JWT libraries", 12, "normal", "#555555");

        int top = 70;
        Panel(svg, top, "Time per token (ns); dashed: a reused, keyed HMACSHA256 over the same input, the floor",
            bars.Select(b => (b.Label, b.Ours, b.Row.MeanNs)).ToList(), "ns", floor);
        Panel(svg, top + panel, "Bytes allocated per token",
            bars.Select(b => (b.Label, b.Ours, (double)(b.Row.Allocated ?? 0))).ToList(), "B", null);
        svg.AppendLine("</svg>");
        File.WriteAllText(path, svg.ToString());
    }

    private static void Panel(StringBuilder svg, int top, string title, List<(string Label, bool Ours, double Value)> bars, string unit, double? floor)
    {
        Text(svg, 20, top + 14, Escape(title), 14, "bold");
        double max = Math.Max(bars.Max(b => b.Value), floor ?? 0);
        double scale = max <= 0 ? 0 : PlotWidth / NiceCeiling(max);
        int y = top + 30;
        foreach (var (label, ours, value) in bars)
        {
            double width = Math.Max(value * scale, value > 0 ? 1 : 0);
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{LabelWidth - 10}\" y=\"{y + 16}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width.ToString("0.#", s_invariant)}\" height=\"{BarHeight}\" fill=\"{(ours ? Ours : Peer)}\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{(LabelWidth + width + 6).ToString("0.#", s_invariant)}\" y=\"{y + 16}\">{value.ToString("#,0", s_invariant)} {unit}</text>");
            y += BarHeight + BarGap;
        }

        int axis = y + 2;
        svg.AppendLine(CultureInfo.InvariantCulture, $"  <line x1=\"{LabelWidth}\" y1=\"{top + 26}\" x2=\"{LabelWidth}\" y2=\"{axis}\" stroke=\"#333333\"/>");
        if (floor is { } mac)
        {
            string x = (LabelWidth + (mac * scale)).ToString("0.#", s_invariant);
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <line x1=\"{x}\" y1=\"{top + 24}\" x2=\"{x}\" y2=\"{axis}\" stroke=\"#d04a02\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{x}\" y=\"{axis + 16}\" text-anchor=\"middle\" fill=\"#d04a02\">HMAC alone: {mac.ToString("#,0", s_invariant)} ns</text>");
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>: the axis' end.</summary>
    private static double NiceCeiling(double value)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private static void Text(StringBuilder svg, int x, int y, string text, int size, string weight, string color = "#111111") =>
        svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{color}\">{text}</text>");

    private static string Escape(string text) => SecurityElement.Escape(text);
}
