using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Api;
using NonTax.Frontend.Peers;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Peers;

namespace NonTax.Frontend.Pages.Peers;

/// <summary>
/// Banks and platforms (对端节点) with token rotation under maker-checker: one user proposes the
/// token agreed with the peer, another approves it before it takes effect.
/// </summary>
[Authorize(Policy = Permission.PeersView)]
public sealed class IndexModel(PeerTokenChanges changes) : PageModel
{
    [BindProperty] public string NodeCode { get; set; } = "";
    [BindProperty] public string? NewToken { get; set; }
    [BindProperty] public double GraceHours { get; set; } = PeerApi.DefaultGrace.TotalHours;
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<PeerSummary> PeerList { get; private set; } = [];
    public IReadOnlyList<PeerTokenProposal> Proposals { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (!RolePermissions.Holds(User, Permission.PeersPropose))
        {
            return Forbid();
        }

        var outcome = !double.IsFinite(GraceHours) || GraceHours < 0 || GraceHours > PeerTokenChanges.MaxGrace.TotalHours
            ? PeerTokenOutcome.InvalidGrace
            : (await changes.ProposeAsync(User, NodeCode.Trim(), NewToken, TimeSpan.FromHours(GraceHours), HttpContext.RequestAborted)).Outcome;
        Report(outcome);
        NewToken = null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id)
    {
        if (!RolePermissions.Holds(User, Permission.PeersApprove))
        {
            return Forbid();
        }

        Report(await changes.ApproveAsync(User, id, HttpContext.RequestAborted));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(long id)
    {
        if (!RolePermissions.Holds(User, Permission.PeersApprove))
        {
            return Forbid();
        }

        Report(await changes.RejectAsync(User, id, Note, HttpContext.RequestAborted));
        await LoadAsync();
        return Page();
    }

    /// <summary>The page text (Chinese, looked up in the resources) for each outcome.</summary>
    public static string TextOf(PeerTokenOutcome outcome) => outcome switch
    {
        PeerTokenOutcome.Proposed => "已提交令牌变更，待另一人审批后生效",
        PeerTokenOutcome.Approved => "已审批，新令牌已生效，旧令牌在宽限期内仍有效",
        PeerTokenOutcome.Rejected => "已驳回，令牌未变",
        PeerTokenOutcome.InvalidToken => "令牌须为8至64个可打印ASCII字符（不含空格）",
        PeerTokenOutcome.InvalidGrace => "宽限期须在0至720小时之间",
        PeerTokenOutcome.UnknownPeer => "没有这个对端节点",
        PeerTokenOutcome.AlreadyPending => "该节点已有待审批的令牌变更",
        PeerTokenOutcome.NotPending => "该变更已处理或不存在",
        PeerTokenOutcome.OwnProposal => "提交人不能审批自己的变更",
        PeerTokenOutcome.PeerChanged => "提交后对端已变更，本次变更作废，请重新提交",
        _ => outcome.ToString(),
    };

    private void Report(PeerTokenOutcome outcome)
    {
        Message = TextOf(outcome);
        Failed = outcome is not (PeerTokenOutcome.Proposed or PeerTokenOutcome.Approved or PeerTokenOutcome.Rejected);
    }

    private async Task LoadAsync()
    {
        PeerList = await changes.ListPeersAsync(HttpContext.RequestAborted);
        Proposals = await changes.ListProposalsAsync(cancellationToken: HttpContext.RequestAborted);
    }
}
