using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Admin;

/// <summary>Auditors search the operation log; the page only reads.</summary>
[Authorize(Policy = Permission.AuditView)]
public sealed class AuditModel(AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await audit.SearchAsync(new AuditQuery(Actor, Action, Text, From, To));
}
