using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Clearing;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Rights;
using NonTax.Protocol.Time;

namespace NonTax.Frontend.Pages.Clearing;

/// <summary>Clearing (清分) status of a business day, bank by bank (yesterday by default).</summary>
[Authorize(Policy = Permission.ClearingView)]
public sealed class IndexModel(ClearingStatusQuery query, TimeProvider clock) : PageModel
{
    public DateOnly Day { get; private set; }
    public IReadOnlyList<ClearingDayRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? day)
    {
        Day = ReconciliationDesk.ParseDay(day) ?? ChinaTime.Today(clock).AddDays(-1);
        Rows = await query.DayAsync(Day, HttpContext.RequestAborted);
    }
}
