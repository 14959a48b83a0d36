using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Frontend.Pages.Notices;

[Authorize(Policy = Permission.NoticesView)]
public sealed class DetailModel(NoticeDesk desk, IAuthorizationService authorization) : PageModel
{
    public NoticeRecord? Record { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public bool Issued { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? issued)
    {
        Issued = issued == 1;
        Record = await desk.FindAsync(User, code);
        return Record is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostVoidAsync(string code)
    {
        // The button is hidden without the right; the handler checks it again.
        if (!(await authorization.AuthorizeAsync(User, Permission.NoticesVoid)).Succeeded)
        {
            return Forbid();
        }

        var result = await desk.VoidAsync(User, code, Reason ?? "");
        Failed = result != ResultCodes.Success;
        Message = Failed ? $"作废失败 (void refused): {result}" : "已作废";
        Record = await desk.FindAsync(User, code);
        return Record is null ? NotFound() : Page();
    }
}
