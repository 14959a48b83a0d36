namespace NonTax.Frontend.Reports;

/// <summary>
/// What a report is run for: business days (by confirmation date) from–to inclusive, and
/// optionally one collecting unit and one bank (node code). A unit's user always gets their own
/// unit, whatever they ask for.
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, string? UnitCode, string? BankNode)
{
    /// <summary>Longest range one report covers; longer ones are cut to it.</summary>
    public const int MaxDays = 366;

    public static ReportFilter Normalised(DateOnly from, DateOnly to, string? unitCode, string? bankNode)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            from = to.AddDays(-(MaxDays - 1));
        }

        return new ReportFilter(from, to, Blank(unitCode), Blank(bankNode));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
