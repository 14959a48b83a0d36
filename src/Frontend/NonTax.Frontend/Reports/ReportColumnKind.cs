namespace NonTax.Frontend.Reports;

/// <summary>How a report column's values are read, shown and exported.</summary>
public enum ReportColumnKind
{
    Text,
    Count,
    Money,
    Percent,
    Date,
}
