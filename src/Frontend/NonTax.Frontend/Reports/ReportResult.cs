namespace NonTax.Frontend.Reports;

/// <summary>A report as shown on screen: at most <see cref="ReportRunner.ScreenRows"/> rows; the export has them all.</summary>
public sealed record ReportResult(ReportDefinition Report, ReportFilter Filter, IReadOnlyList<object?[]> Rows, bool Truncated, IReadOnlyList<ChartPoint> Chart)
{
    /// <summary>Column totals for the money and count columns of the rows shown (null for others).</summary>
    public IReadOnlyList<decimal?> Totals => Report.Columns
        .Select((c, i) => c.Kind is ReportColumnKind.Money or ReportColumnKind.Count ? Rows.Sum(r => r[i] is decimal d ? d : r[i] is long l ? l : 0m) : (decimal?)null)
        .ToArray();
}
