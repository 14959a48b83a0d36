namespace NonTax.Frontend.Reports;

/// <summary>One column of a report: its title (Chinese, the localisation key) and kind.</summary>
public sealed record ReportColumn(string Title, ReportColumnKind Kind = ReportColumnKind.Text)
{
    public bool IsNumber => Kind is ReportColumnKind.Count or ReportColumnKind.Money or ReportColumnKind.Percent;
}
