using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using Reqio.Sdk.Benchmarks.Review;

namespace Reqio.Sdk.Benchmarks.Reports;

/// <summary>
/// perf-review.svg, drawn by hand (no charting package): per request, time per token for our tiers and each peer with
/// the reused-HMAC floor as a dashed line; the first token, a fresh process's whole run for each app; a token
/// endpoint's requests a second under load; and bytes allocated per token.
/// </summary>
internal static class SvgChart
{
    private const int Width = 900;
    private const int LabelWidth = 270;
    private const int BarHeight = 22;
    private const int BarGap = 8;
    private const int PlotWidth = Width - LabelWidth - 110;
    private const string Ours = "#1f6fb2";
    private const string Peer = "#9a9a9a";

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void Write(ReviewResult result, string path)
    {
        var panels = new List<(string Title, List<(string Label, bool Ours, double Value)> Bars, string Unit, double? Floor, string? FloorLabel)>
        {
            ("Per request: time per token (ns), the user or claims built in the call",
                [.. result.Bars.Select(b => (b.Label, b.Ours, b.Ns))], "ns", result.FloorNs, "HMAC alone"),
            ("The first token: a fresh process minting one, start to exit (ms, JIT)",
                [.. result.Apps.Select(a => (a.App.Label, a.App.Ours, a.JitWallMs))], "ms", null, null),
        };
        var endpoints = result.Endpoint.Endpoints.Where(e => e.RequestsPerSecond is not null).ToList();
        if (endpoints.Count > 0)
        {
            panels.Add(("Token endpoints and a page under load: requests a second (median; longer is faster)",
                [.. endpoints.Select(e => (e.Endpoint.Label, e.Endpoint.Ours, e.RequestsPerSecond!.Value))], "req/s", null, null));
        }

        var allocations = result.Bars.Where(b => b.AllocatedBytes is not null).ToList();
        if (allocations.Count > 0)
        {
            panels.Add(("Bytes allocated per token, per request", [.. allocations.Select(b => (b.Label, b.Ours, (double)b.AllocatedBytes!.Value))], "B", null, null));
        }

        int height = 70 + panels.Sum(p => PanelHeight(p.Bars.Count)) + 20;
        var svg = new StringBuilder();
        svg.AppendLine(s_invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">");
        svg.AppendLine("  <title>Reqio.Sdk: per request, the first token, a token endpoint, and bytes per token</title>");
        svg.AppendLine(s_invariant, $"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        Text(svg, 20, 30, "Reqio.Sdk and other .NET JWT libraries, one token for the reference user (blue: Reqio.Sdk)", 17, "bold");
        Text(svg, 20, 52, Escape($"{result.Runtime}, {result.Date:yyyy-MM-dd}: medians of {result.PairedRounds:N0} paired rounds and {result.ProcessRounds} process rounds and {result.Endpoint.Rounds} endpoint rounds; allocations from BenchmarkDotNet"), 12, "normal", "#555555");

        int top = 70;
        foreach (var panel in panels)
        {
            Panel(svg, top, panel.Title, panel.Bars, panel.Unit, panel.Floor, panel.FloorLabel);
            top += PanelHeight(panel.Bars.Count);
        }

        svg.AppendLine("</svg>");
        File.WriteAllText(path, svg.ToString());
    }

    private static int PanelHeight(int bars) => (bars * (BarHeight + BarGap)) + 70;

    private static void Panel(StringBuilder svg, int top, string title, List<(string Label, bool Ours, double Value)> bars, string unit, double? floor, string? floorLabel)
    {
        Text(svg, 20, top + 14, Escape(title), 14, "bold");
        double max = Math.Max(bars.Max(b => b.Value), floor ?? 0);
        double scale = max <= 0 ? 0 : PlotWidth / NiceCeiling(max);
        int y = top + 30;
        foreach (var (label, ours, value) in bars)
        {
            double width = Math.Max(value * scale, value > 0 ? 1 : 0);
            string shown = value.ToString(value < 10 && unit == "ms" ? "0.0" : "#,0", s_invariant);
            svg.AppendLine(s_invariant, $"  <text x=\"{LabelWidth - 10}\" y=\"{y + 16}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.AppendLine(s_invariant, $"  <rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width.ToString("0.#", s_invariant)}\" height=\"{BarHeight}\" fill=\"{(ours ? Ours : Peer)}\"/>");
            svg.AppendLine(s_invariant, $"  <text x=\"{(LabelWidth + width + 6).ToString("0.#", s_invariant)}\" y=\"{y + 16}\">{shown} {unit}</text>");
            y += BarHeight + BarGap;
        }

        int axis = y + 2;
        svg.AppendLine(s_invariant, $"  <line x1=\"{LabelWidth}\" y1=\"{top + 26}\" x2=\"{LabelWidth}\" y2=\"{axis}\" stroke=\"#333333\"/>");
        if (floor is { } floorValue)
        {
            string x = (LabelWidth + (floorValue * scale)).ToString("0.#", s_invariant);
            svg.AppendLine(s_invariant, $"  <line x1=\"{x}\" y1=\"{top + 24}\" x2=\"{x}\" y2=\"{axis}\" stroke=\"#d04a02\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.AppendLine(s_invariant, $"  <text x=\"{x}\" y=\"{axis + 16}\" text-anchor=\"middle\" fill=\"#d04a02\">{Escape(floorLabel ?? "")}: {floorValue.ToString("#,0", s_invariant)} {unit}</text>");
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>: the axis' end.</summary>
    private static double NiceCeiling(double value)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private static void Text(StringBuilder svg, int x, int y, string text, int size, string weight, string color = "#111111") =>
        svg.AppendLine(s_invariant, $"  <text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{color}\">{text}</text>");

    private static string Escape(string text) => SecurityElement.Escape(text);
}
