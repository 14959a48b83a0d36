namespace NonTax.Frontend.Reports;

/// <summary>
/// One report of docs/user-guide.md "统计分析": its SQL over the projections, with the parameters
/// <c>$1</c> first day, <c>$2</c> last day, <c>$3</c> unit code or null, <c>$4</c> bank node or null,
/// and its columns in the order the SQL selects them. A chart, when there is one, sums
/// <see cref="ChartValue"/> by <see cref="ChartLabel"/> (column indexes).
/// </summary>
public sealed record ReportDefinition(
    string Name,
    string Group,
    string Title,
    string Description,
    bool UsesDates,
    IReadOnlyList<ReportColumn> Columns,
    string Sql,
    ReportChartKind Chart = ReportChartKind.None,
    int ChartLabel = 0,
    int ChartValue = 0);
