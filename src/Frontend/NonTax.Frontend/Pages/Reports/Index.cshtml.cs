using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Reports;

/// <summary>The reports (统计分析), grouped: base data, banks, income.</summary>
[Authorize(Policy = Permission.ReportsView)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
