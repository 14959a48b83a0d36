using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Accounts;

namespace NonTax.Frontend.Pages;

public sealed class IndexModel : PageModel
{
    public string DisplayName => User.FindFirstValue(WebClaims.DisplayName) ?? User.Identity?.Name ?? "";

    public string? UnitCode => User.FindFirstValue(WebClaims.UnitCode);

    public IEnumerable<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value);

    public void OnGet()
    {
    }
}
