using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Alerts;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.Alerts;

namespace NonTax.Frontend.Pages.Alerts;

/// <summary>Alerts (告警): read them, acknowledge one, close one with a note saying how it was dealt with.</summary>
[Authorize(Policy = Permission.AlertsView)]
public sealed class IndexModel(AlertDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAcknowledgeAsync(string alertId)
    {
        if (!RolePermissions.Holds(User, Permission.AlertsHandle))
        {
            return Forbid();
        }

        var alert = await desk.AcknowledgeAsync(User, alertId, HttpContext.RequestAborted);
        (Message, Failed) = alert is null ? ("没有这条告警", true) : ("已确认告警", false);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(string alertId)
    {
        if (!RolePermissions.Holds(User, Permission.AlertsHandle))
        {
            return Forbid();
        }

        var (alert, closed) = await desk.CloseAsync(User, alertId, Note, HttpContext.RequestAborted);
        (Message, Failed) = alert is null ? ("没有这条告警", true) : closed ? ("已关闭告警", false) : ("关闭须填写处理说明（500字以内）", true);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Alerts = await desk.ListAsync(!All, HttpContext.RequestAborted);
}
