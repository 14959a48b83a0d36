namespace NonTax.Frontend.Reports;

/// <summary>The chart drawn above a report's table, if any.</summary>
public enum ReportChartKind
{
    None,

    /// <summary>Vertical columns in row order: a trend over days.</summary>
    Trend,

    /// <summary>Horizontal bars with each label's share of the total, largest first: a structure.</summary>
    Structure,
}
