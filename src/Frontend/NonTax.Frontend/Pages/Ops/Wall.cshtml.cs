using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Ops;

/// <summary>The large-screen monitoring wall; its figures arrive over SignalR (<see cref="Wall.WallHub"/>).</summary>
[Authorize(Policy = Permission.WallView)]
public sealed class WallModel : PageModel
{
    public void OnGet()
    {
    }
}
