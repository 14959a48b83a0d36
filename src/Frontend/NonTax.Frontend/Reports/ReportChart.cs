using System.Globalization;
using System.Net;
using System.Text;

namespace NonTax.Frontend.Reports;

/// <summary>
/// Draws a report's chart as inline SVG on the server: no script, so it prints, works in every
/// browser the bureau has and shows in the screenshots as it is.
/// </summary>
public static class ReportChart
{
    private const int Width = 900;

    public static string Svg(ReportChartKind kind, IReadOnlyList<ChartPoint> points, string title) => kind switch
    {
        ReportChartKind.Trend when points.Any(p => p.Value > 0) => Trend(points, title),
        ReportChartKind.Structure when points.Count > 0 => Structure(points, title),
        _ => "",
    };

    private static string Trend(IReadOnlyList<ChartPoint> points, string title)
    {
        const int height = 260, left = 70, bottom = 40, top = 20;
        var max = Math.Max(points.Max(p => p.Value), 0.01m);
        var slot = (Width - left - 10) / (double)points.Count;
        var plot = height - bottom - top;
        var svg = Open(Width, height, title, "trend");
        svg.Append(Line(left, top + plot, Width - 10, top + plot));
        svg.Append(Text(left - 6, top + 10, Money(max), "end"));
        svg.Append(Text(left - 6, top + plot, "0", "end"));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
        for (var i = 0; i < points.Count; i++)
        {
            var h = (double)(points[i].Value / max) * plot;
            var x = left + i * slot + slot * 0.15;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{top + plot - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\"><title>{Escape(points[i].Label)}: {Money(points[i].Value)}</title></rect>");
            if (i % labelEvery == 0)
            {
                svg.Append(Text(x + slot * 0.35, height - bottom + 16, points[i].Label.Length > 5 ? points[i].Label[5..] : points[i].Label, "middle"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Structure(IReadOnlyList<ChartPoint> points, string title)
    {
        const int row = 26, left = 220, right = 190;
        var shown = points.Take(15).ToArray();
        var total = points.Sum(p => p.Value);
        var max = Math.Max(shown.Max(p => p.Value), 0.01m);
        var height = shown.Length * row + 10;
        var svg = Open(Width, height, title, "structure");
        for (var i = 0; i < shown.Length; i++)
        {
            var y = 5 + i * row;
            var w = (double)(shown[i].Value / max) * (Width - left - right);
            var share = total == 0 ? 0 : shown[i].Value / total * 100;
            svg.Append(Text(left - 8, y + 17, Clip(shown[i].Label, 16), "end"));
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{left}\" y=\"{y + 4}\" width=\"{Math.Max(w, 1):0.#}\" height=\"{row - 8}\"><title>{Escape(shown[i].Label)}</title></rect>");
            svg.Append(Text(left + w + 6, y + 17, $"{Money(shown[i].Value)}（{share.ToString("0.0", CultureInfo.InvariantCulture)}%）", "start"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(int width, int height, string title, string kind) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart {kind}\" role=\"img\" aria-label=\"{Escape(title)}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Escape(title)}</title>");

    private static string Line(double x1, double y1, double x2, double y2) =>
        string.Create(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" />");

    private static string Text(double x, double y, string text, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\">{Escape(text)}</text>");

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
