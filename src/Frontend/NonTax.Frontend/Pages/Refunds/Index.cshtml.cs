using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Refunds;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Frontend.Pages.Refunds;

/// <summary>Refunds (退付): a unit applies, finance approves or rejects, everyone tracks where each one is.</summary>
[Authorize(Policy = Permission.RefundsView)]
public sealed class IndexModel(RefundDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? PayCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty] public string? ApplyPayCode { get; set; }
    [BindProperty] public string? ApplicationNo { get; set; }
    [BindProperty] public string? ApplyUnitCode { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<RefundView> Rows { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    public bool IsUnitUser => UserScope.Of(User).IsUnitUser;

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostApplyAsync()
    {
        if (!RolePermissions.Holds(User, Permission.RefundsApply))
        {
            return Forbid();
        }

        var unit = UserScope.Of(User).UnitCode ?? ApplyUnitCode?.Trim();
        if (string.IsNullOrWhiteSpace(ApplyPayCode) || string.IsNullOrWhiteSpace(ApplicationNo) || unit is null || Amount is not { } amount || string.IsNullOrWhiteSpace(Reason))
        {
            (Message, Failed) = ("缴款识别码、申请编号、金额和退付原因必填", true);
        }
        else
        {
            var decision = await desk.ApplyAsync(User, ApplyPayCode.Trim(), ApplicationNo, unit, amount, Reason);
            Report(decision, decision.Accepted ? "已提交退付申请" : null);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(string refundNo)
    {
        if (!RolePermissions.Holds(User, Permission.RefundsApprove))
        {
            return Forbid();
        }

        var decision = await desk.ApproveAsync(User, refundNo, Note);
        Report(decision, decision.Accepted ? "已批准退付，退付指令将发往银行" : null);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(string refundNo)
    {
        if (!RolePermissions.Holds(User, Permission.RefundsApprove))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            (Message, Failed) = ("驳回须填写原因", true);
        }
        else
        {
            var decision = await desk.RejectAsync(User, refundNo, Reason);
            Report(decision, decision.Accepted ? "已驳回退付申请" : null);
        }

        await LoadAsync();
        return Page();
    }

    private void Report(RefundDecision decision, string? success)
    {
        Message = success ?? RefundText.OfOutcome(decision.Outcome);
        Failed = !decision.Accepted;
    }

    private async Task LoadAsync() =>
        Rows = await desk.ListAsync(User, new RefundFilter(Blank(Status), null, Blank(PayCode), Blank(Unit)), HttpContext.RequestAborted);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
