using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;

namespace Reqio.Sdk.Benchmarks;

/// <summary>A bar pair of the chart: time and allocation per token of one of our tiers or a peer.</summary>
internal sealed record ChartBar(string Label, bool Ours, double Ns, long? AllocatedBytes);

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

    /// <param name="path">Where to write the SVG.</param>
    /// <param name="bars">Our tiers and the peers: time per token, bytes allocated per token.</param>
    /// <param name="hmacNs">The reused, keyed HMAC over the same signing input: the floor.</param>
    /// <param name="caption">Runtime, date and sources, shown under the title.</param>
    public static void Write(string path, IReadOnlyList<ChartBar> bars, double hmacNs, string caption)
    {
        // Allocations come from BenchmarkDotNet; a run filtered to other benchmarks has none to draw.
        var allocations = bars.Where(b => b.AllocatedBytes is not null).ToList();
        int panel = (bars.Count * (BarHeight + BarGap)) + 70;
        int height = 70 + ((allocations.Count > 0 ? 2 : 1) * panel) + 20;
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">");
        svg.AppendLine("  <title>Reqio.Sdk: time and memory per token</title>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        Text(svg, 20, 30, "Reqio.Sdk: one token for the reference user (blue: Reqio.Sdk, grey: other .NET JWT libraries)", 17, "bold");
        Text(svg, 20, 52, Escape(caption), 12, "normal", "#555555");

        int top = 70;
        Panel(svg, top, "Time per token (ns); dashed: a reused, keyed HMACSHA256 over the same input, the floor",
            bars.Select(b => (b.Label, b.Ours, b.Ns)).ToList(), "ns", hmacNs);
        if (allocations.Count > 0)
        {
            Panel(svg, top + panel, "Bytes allocated per token",
                allocations.Select(b => (b.Label, b.Ours, (double)b.AllocatedBytes!.Value)).ToList(), "B", null);
        }

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
