using System.Globalization;
using NonTax.EBills.Rendering;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Infrastructure.EBills;

namespace NonTax.Frontend.EBills;

/// <summary>
/// The bill face of a stored e-bill as a PDF (docs/architecture.md "E-bills"), its QR code the
/// link 5981's Invoice_Url gives (<c>EBills:DownloadBaseUrl</c>). The font comes from
/// <c>EBills:Rendering:FontPath</c>; a missing one is a <see cref="BillFaceFontException"/> (and
/// a critical log line at startup, <see cref="BillFaceFontCheck"/>), never a blank face.
/// </summary>
public sealed class BillFacePdf(IConfiguration configuration)
{
    private readonly BillFaceOptions _options = configuration.GetSection(BillFaceOptions.Section).Get<BillFaceOptions>() ?? new BillFaceOptions();
    private readonly string _linkBase = configuration[EBillLinks.BaseUrlKey] ?? EBillLinks.DefaultBaseUrl;

    public string FontPath => _options.FontPath;

    /// <summary>Loads the font (once per process); throws <see cref="BillFaceFontException"/> when it is unusable.</summary>
    public BillFaceRenderer Renderer() => new(BillFaceFont.Load(_options));

    public byte[] Render(StoredEBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        var link = BillFace.VerificationUrlOf(_linkBase, bill.BillCode, bill.BillNumber.ToString("D10", CultureInfo.InvariantCulture), bill.CheckCode);
        return Renderer().Render(BillFace.Of(bill.Document, link));
    }

    /// <summary>The PDF as an HTTP answer, or 503 naming the font problem.</summary>
    public IResult Answer(StoredEBill bill)
    {
        try
        {
            return Results.File(Render(bill), "application/pdf", $"{bill.Key}.pdf");
        }
        catch (BillFaceFontException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "bill face font unavailable");
        }
    }
}
