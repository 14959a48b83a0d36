using QRCoder;

namespace NonTax.Frontend.Payment;

/// <summary>QR codes of payment links, as PNG data URIs for the payer page and the print view.</summary>
public sealed class PaymentQrCode(IConfiguration configuration)
{
    /// <summary>
    /// The payer's link for a code: <c>Web:PublicBaseUrl</c> when set (the address payers reach,
    /// the same one the edge's 8994 replies hand out), else the address this request came in on.
    /// </summary>
    public string LinkFor(HttpRequest request, string payCode)
    {
        var baseUrl = configuration["Web:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}";
        return $"{baseUrl}/pay/{Uri.EscapeDataString(payCode)}";
    }

    public string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
