using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Infrastructure.Projection.Queries.BankAccounts;

namespace NonTax.Frontend.Pages.BankAccounts;

/// <summary>
/// One account: the summary its grain keeps and its days (latest first, a page at a time), each as
/// the system expects it and as the bank stated it.
/// </summary>
[Authorize(Policy = Permission.ReconciliationView)]
public sealed class AccountModel(IClusterClient cluster, BankAccountQueries queries) : PageModel
{
    public const int PageSize = 31;

    public string AccountNo { get; private set; } = "";

    public BankAccountView? View { get; private set; }

    public IReadOnlyList<BankAccountDay> Days { get; private set; } = [];

    /// <summary>The earliest day of a full page: where the next (older) page starts.</summary>
    public DateOnly? Next => Days.Count == PageSize ? Days[^1].BusinessDay : null;

    public async Task<IActionResult> OnGetAsync(string account, string? before)
    {
        if (string.IsNullOrWhiteSpace(account) || account.Length > 50 || account.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return NotFound();
        }

        AccountNo = account;
        View = await cluster.GetGrain<IBankAccountGrain>(account).Get();
        Days = await queries.DaysAsync(account, ReconciliationDesk.ParseDay(before), PageSize, HttpContext.RequestAborted);
        return Page();
    }
}
