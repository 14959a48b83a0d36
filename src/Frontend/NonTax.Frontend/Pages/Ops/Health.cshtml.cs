using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Health;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Ops;

/// <summary>Cluster, edge and database health on one page (operations).</summary>
[Authorize(Policy = Permission.OpsHealth)]
public sealed class HealthModel(SystemHealth health) : PageModel
{
    public IReadOnlyList<HealthLine> Lines { get; private set; } = [];

    public async Task OnGetAsync() => Lines = await health.CheckAsync(HttpContext.RequestAborted);
}
