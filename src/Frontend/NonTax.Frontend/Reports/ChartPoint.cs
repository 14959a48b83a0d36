namespace NonTax.Frontend.Reports;

/// <summary>One bar of a chart: its label and value.</summary>
public sealed record ChartPoint(string Label, decimal Value);
