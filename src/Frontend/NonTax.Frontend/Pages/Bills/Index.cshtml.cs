using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Bills;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.Projection.Queries.Bills;

namespace NonTax.Frontend.Pages.Bills;

/// <summary>Bill stock (票据库存) per code and holder, and the latest movements of numbers.</summary>
[Authorize(Policy = Permission.BillsView)]
public sealed class IndexModel(BillStockView view) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Holder { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IReadOnlyList<BillStockLine> Finance { get; private set; } = [];
    public IReadOnlyList<BillStockLine> Units { get; private set; } = [];
    public IReadOnlyList<BillMovementRow> Movements { get; private set; } = [];
    public bool IsUnitUser => UserScope.Of(User).IsUnitUser;

    public async Task OnGetAsync() => (Finance, Units, Movements) = await view.ReadAsync(User, Holder, Code, HttpContext.RequestAborted);
}
