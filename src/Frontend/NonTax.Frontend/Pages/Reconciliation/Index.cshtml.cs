using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Protocol.Time;

namespace NonTax.Frontend.Pages.Reconciliation;

/// <summary>Each bank's reconciliation of a business day (yesterday by default: banks reconcile T+1).</summary>
[Authorize(Policy = Permission.ReconciliationView)]
public sealed class IndexModel(ReconciliationDesk desk, TimeProvider clock) : PageModel
{
    public DateOnly Day { get; private set; }
    public IReadOnlyList<ReconciliationDayRow> Days { get; private set; } = [];

    public async Task OnGetAsync(string? day)
    {
        Day = ReconciliationDesk.ParseDay(day) ?? ChinaTime.Today(clock).AddDays(-1);
        Days = await desk.DaysAsync(Day, HttpContext.RequestAborted);
    }
}
