using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.EBills;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Frontend.Pages.Notices;

[Authorize(Policy = Permission.NoticesView)]
public sealed class DetailModel(NoticeDesk desk, EBillDesk eBills, IAuthorizationService authorization) : PageModel
{
    public NoticeRecord? Record { get; private set; }

    /// <summary>The notice's e-bills: the blue one first, then its red-letter reversal.</summary>
    public IReadOnlyList<StoredEBill> Bills { get; private set; } = [];

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? BillCode { get; set; }

    [BindProperty] public string? ReverseReason { get; set; }

    public bool Issued { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    /// <summary>An e-bill action's outcome: its status (looked up in the resources) and the bill or reason after it.</summary>
    public EBillExchangeLine? EBillResult { get; private set; }

    public string DefaultBillCode => eBills.DefaultBillCode;

    public bool HasBlueBill => Bills.Any(b => !b.RedLetter);

    public bool HasRedBill => Bills.Any(b => b.RedLetter);

    public async Task<IActionResult> OnGetAsync(string code, int? issued)
    {
        Issued = issued == 1;
        return await LoadAsync(code);
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
        return await LoadAsync(code);
    }

    public async Task<IActionResult> OnPostExchangeAsync(string code)
    {
        if (!(await authorization.AuthorizeAsync(User, Permission.EBillsExchange)).Succeeded)
        {
            return Forbid();
        }

        EBillResult = await eBills.ExchangeAsync(User, code, BillCode);
        return await LoadAsync(code);
    }

    public async Task<IActionResult> OnPostReverseAsync(string code)
    {
        if (!(await authorization.AuthorizeAsync(User, Permission.EBillsReverse)).Succeeded)
        {
            return Forbid();
        }

        EBillResult = await eBills.ReverseAsync(User, code, ReverseReason);
        return await LoadAsync(code);
    }

    private async Task<IActionResult> LoadAsync(string code)
    {
        Record = await desk.FindAsync(User, code);
        if (Record is null)
        {
            return NotFound();
        }

        Bills = await eBills.ForNoticeAsync(User, code, HttpContext.RequestAborted) ?? [];
        return Page();
    }
}
