using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.EBills;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.EBills;

/// <summary>Batch exchange (批量换开): payment codes one a line, a report line per notice.</summary>
[Authorize(Policy = Permission.EBillsExchange)]
public sealed class ExchangeModel(EBillDesk desk) : PageModel
{
    [BindProperty] public string? PayCodes { get; set; }

    [BindProperty] public string? BillCode { get; set; }

    public EBillBatchReport? Report { get; private set; }

    public string? Error { get; private set; }

    public string DefaultBillCode => desk.DefaultBillCode;

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var codes = (PayCodes ?? "").Split(['\n', '\r', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count is 0 or > EBillDesk.MaxBatch)
        {
            Error = "请填写 1 至 500 个缴款识别码";
            return;
        }

        Report = await desk.ExchangeBatchAsync(User, codes, BillCode, HttpContext.RequestAborted);
    }
}
