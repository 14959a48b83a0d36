using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Frontend.Pages.Notices;

[Authorize(Policy = Permission.NoticesIssue)]
public sealed class IssueModel(NoticeDesk desk) : PageModel
{
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? PayerName { get; set; }
    [BindProperty] public string? PayerCreditCode { get; set; }
    [BindProperty] public string? PayerMobile { get; set; }
    [BindProperty] public string? ItemCode { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Memo { get; set; }

    public bool IsUnitUser => UserScope.Of(User).IsUnitUser;

    public string? Error { get; private set; }

    public void OnGet() => UnitCode ??= UserScope.Of(User).UnitCode;

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = UserScope.Of(User);
        var unit = scope.UnitCode ?? UnitCode?.Trim();
        // The same row rules as a spreadsheet import, so the two cannot disagree on what is valid.
        var row = new NoticeImportRow(PayerName, PayerCreditCode, PayerMobile, ItemCode, Amount, null, Memo);
        if (string.IsNullOrEmpty(unit))
        {
            Error = "请填写执收单位编码 (unit code required)";
            return Page();
        }

        if (!row.TryToDraft(scope.UserName, out var draft, out var field))
        {
            Error = $"{field}: 缺失或格式错误 (missing or malformed)";
            return Page();
        }

        var result = await desk.IssueAsync(User, unit, draft!);
        if (!result.Succeeded)
        {
            Error = $"{result.ResultCode} {result.Information}";
            return Page();
        }

        return Redirect($"/notices/{result.PayCode}?issued=1");
    }
}
