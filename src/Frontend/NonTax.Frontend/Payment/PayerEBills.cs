using System.Security.Cryptography;
using System.Text;
using NonTax.Grains.Abstractions.EBills;

namespace NonTax.Frontend.Payment;

/// <summary>
/// A payer's e-bills (电子票据): listed on the payer page only when the notice's 验证码 was given,
/// and handed out by <c>/ebills/{code}-{number}?check=</c> only to whoever knows the bill's own
/// check code — the bill names the payer, so the payment code alone must not open it.
/// </summary>
public sealed class PayerEBills(IEBillArchive archive)
{
    public Task<IReadOnlyList<StoredEBill>> ForNoticeAsync(string payCode, CancellationToken cancellationToken = default) =>
        archive.ForNoticeAsync(payCode, cancellationToken);

    /// <summary>The bill "{code}-{number}" when <paramref name="check"/> is its check code, else null (whatever was wrong).</summary>
    public async Task<StoredEBill?> DownloadAsync(string key, string? check, CancellationToken cancellationToken = default)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash != 8 || check is not { Length: > 0 } || !long.TryParse(key.AsSpan(dash + 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var bill = await archive.FindAsync(key[..dash], number, cancellationToken);
        return bill is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(bill.CheckCode), Encoding.ASCII.GetBytes(check))
            ? bill
            : null;
    }

    /// <summary>The download link of a bill, relative to this site.</summary>
    public static string LinkOf(StoredEBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return $"/ebills/{bill.Key}?check={Uri.EscapeDataString(bill.CheckCode)}";
    }

    /// <summary>The link of the bill's face as a PDF, relative to this site.</summary>
    public static string PdfLinkOf(StoredEBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return $"/ebills/{bill.Key}/pdf?check={Uri.EscapeDataString(bill.CheckCode)}";
    }
}
