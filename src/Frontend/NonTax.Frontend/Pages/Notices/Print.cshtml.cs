using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Payment;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Frontend.Pages.Notices;

/// <summary>The printable notice with a QR code of the payer's link.</summary>
[Authorize(Policy = Permission.NoticesView)]
public sealed class PrintModel(NoticeDesk desk, PaymentQrCode qr) : PageModel
{
    public NoticeRecord? Record { get; private set; }
    public string? Link { get; private set; }
    public string? QrDataUri { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        Record = await desk.FindAsync(User, code);
        if (Record is null)
        {
            return NotFound();
        }

        Link = qr.LinkFor(Request, code);
        QrDataUri = qr.DataUri(Link);
        return Page();
    }
}
