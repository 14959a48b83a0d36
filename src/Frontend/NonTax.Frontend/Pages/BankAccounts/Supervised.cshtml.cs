using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Infrastructure.Hosting;

namespace NonTax.Frontend.Pages.BankAccounts;

/// <summary>
/// The supervised accounts (监管账户, RecAcctType 4) the 2581 covers and 5981 publishes, each with its
/// unit, as the base-data publisher builds the 5981 (one row per account and unit); an active
/// supervised account without a unit is listed too, marked as not published.
/// </summary>
[Authorize(Policy = Permission.ReconciliationView)]
public sealed class SupervisedModel(IClusterClient cluster, IConfiguration configuration, ILogger<SupervisedModel> logger) : PageModel
{
    public IReadOnlyList<SupervisedAccount> Accounts { get; private set; } = [];

    public async Task OnGetAsync() =>
        Accounts = await cluster.GetGrain<IBaseDataPublisherGrain>(FinanceNodeSetting.Read(configuration, logger)).GetSupervisedAccounts();
}
