using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Notices;

[Authorize(Policy = Permission.NoticesView)]
public sealed class IndexModel(NoticeSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? PayCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Payer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public bool IsUnitUser => UserScope.Of(User).IsUnitUser;

    public IReadOnlyList<NoticeSummary> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await search.FindAsync(User, new NoticeFilter(Unit, PayCode, Payer, Status, From, To));
}
