using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.Projection.Queries.BankAccounts;

namespace NonTax.Frontend.Pages.BankAccounts;

/// <summary>Fiscal and supervised accounts (账户) with their latest day, a page at a time by account number.</summary>
[Authorize(Policy = Permission.ReconciliationView)]
public sealed class IndexModel(BankAccountQueries queries) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<BankAccountSummary> Accounts { get; private set; } = [];

    public string? After { get; private set; }

    /// <summary>The last account of a full page: where the next page starts.</summary>
    public string? Next => Accounts.Count == PageSize ? Accounts[^1].AccountNo : null;

    public async Task OnGetAsync(string? after)
    {
        After = string.IsNullOrWhiteSpace(after) ? null : after.Trim();
        Accounts = await queries.AccountsAsync(After, PageSize, HttpContext.RequestAborted);
    }
}
