using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Reconciliation;

namespace NonTax.Frontend.Pages.Reconciliation;

/// <summary>One bank's reconciliation day: its files, its differences, and resolving one (how and why).</summary>
[Authorize(Policy = Permission.ReconciliationView)]
public sealed class DayModel(ReconciliationDesk desk) : PageModel
{
    [BindProperty] public string? Resolution { get; set; }
    [BindProperty] public string? Note { get; set; }

    public ReconciliationDay Key { get; private set; } = null!;
    public ReconciliationDayView View { get; private set; } = null!;
    public IReadOnlyList<ReconciliationDifference> Differences { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string day, string bank)
    {
        if (ReconciliationDesk.Key(day, bank) is not { } key)
        {
            return NotFound();
        }

        Key = key;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(string day, string bank, long differenceId)
    {
        if (!RolePermissions.Holds(User, Permission.ReconciliationResolve))
        {
            return Forbid();
        }

        if (ReconciliationDesk.Key(day, bank) is not { } key)
        {
            return NotFound();
        }

        Key = key;
        var outcome = await desk.ResolveAsync(User, key, differenceId, Resolution, Note);
        Message = ReconciliationText.OfOutcome(outcome);
        Failed = outcome != ResolveOutcome.Resolved;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => (View, Differences) = await desk.DayAsync(Key, null, HttpContext.RequestAborted);
}
