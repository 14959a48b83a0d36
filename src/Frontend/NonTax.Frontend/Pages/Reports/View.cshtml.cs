using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Reports;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Reports;

/// <summary>One report: filter, chart, table (first rows), and the spreadsheet export link.</summary>
[Authorize(Policy = Permission.ReportsView)]
public sealed class ViewModel(ReportDesk desk) : PageModel
{
    public ReportResult Result { get; private set; } = null!;

    public bool IsUnitUser { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string? from, string? to, string? unit, string? bank)
    {
        if (ReportCatalog.Find(name) is not { } report)
        {
            return NotFound();
        }

        IsUnitUser = UserScope.Of(User).IsUnitUser;
        Result = await desk.RunAsync(report, desk.FilterFor(User, from, to, unit, bank), HttpContext.RequestAborted);
        return Page();
    }
}
