using System.Globalization;
using NonTax.EBills.Document;
using NonTax.Protocol.Time;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace NonTax.EBills.Rendering;

/// <summary>
/// Draws the bill face (票面) as a PDF with PDFsharp: title, code, number, check code, issue date,
/// payer, the item lines with amounts, the total in figures and in Chinese capitals, the unit,
/// handling person and checker, both signatures' certificate serial and issuer, and a QR code of
/// the verification link. A4 portrait; <see cref="ItemsPerPage"/> item lines a page, the face's
/// head on every page, total, signatures and QR code on the last. Text is embedded as Unicode
/// with the configured CJK font, so the PDF's text can be searched and extracted.
/// </summary>
public sealed class BillFaceRenderer(BillFaceFont font)
{
    /// <summary>Item lines on one page.</summary>
    public const int ItemsPerPage = 15;

    private const double Margin = 42;
    private const double RowHeight = 20;
    private static readonly XColor Ink = XColor.FromArgb(0x1f, 0x2d, 0x5a);
    private static readonly XColor RedInk = XColor.FromArgb(0xc0, 0x1c, 0x1c);

    /// <summary>Pages a face with this many item lines takes.</summary>
    public static int PageCount(int items) => Math.Max(1, (items + ItemsPerPage - 1) / ItemsPerPage);

    /// <summary>The face of a signed e-bill file as PDF bytes.</summary>
    public byte[] Render(BillFace face)
    {
        ArgumentNullException.ThrowIfNull(face);
        var content = face.Content;
        using var document = new PdfDocument();
        document.Info.Title = $"{content.Name} {content.BillCode}-{content.BillNumber}";
        document.Info.Subject = content.IsRedLetter ? "财政电子票据（红字）" : "财政电子票据";
        document.Info.Creator = "NonTaxGrains";
        var pages = PageCount(content.Items.Count);
        for (var p = 0; p < pages; p++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var y = DrawHead(gfx, page.Width.Point, face, p + 1, pages);
            var lines = content.Items.Skip(p * ItemsPerPage).Take(ItemsPerPage).ToList();
            y = DrawItems(gfx, page.Width.Point, y, lines);
            if (p == pages - 1)
            {
                DrawFoot(gfx, page.Width.Point, y, face);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private XFont Font(double size, bool bold = false) =>
        new(font.FaceName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private double DrawHead(XGraphics gfx, double width, BillFace face, int page, int pages)
    {
        var content = face.Content;
        var brush = new XSolidBrush(content.IsRedLetter ? RedInk : Ink);
        var title = content.IsRedLetter ? content.Name + "（红字）" : content.Name;
        gfx.DrawString(title, Font(20, bold: true), brush, new XRect(Margin, Margin, width - (2 * Margin), 28), XStringFormats.TopCenter);
        gfx.DrawString("财政电子票据", Font(10), brush, new XRect(Margin, Margin + 28, width - (2 * Margin), 14), XStringFormats.TopCenter);
        gfx.DrawLine(new XPen(brush.Color, 1.2), Margin, Margin + 46, width - Margin, Margin + 46);

        var y = Margin + 56;
        var half = (width - (2 * Margin)) / 2;
        Field(gfx, "票据代码：", content.BillCode, Margin, y, half);
        Field(gfx, "票据号码：", content.BillNumber, Margin + half, y, half);
        y += 18;
        Field(gfx, "校验码：", content.CheckCode, Margin, y, half);
        Field(gfx, "开票日期：", content.IssuedAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Margin + half, y, half);
        y += 18;
        Field(gfx, "交款人：", content.PayerParty.Name, Margin, y, half);
        Field(gfx, "交款人代码：", content.PayerParty.Code ?? "", Margin + half, y, half);
        y += 18;
        Field(gfx, "缴款码：", content.PayCode ?? "", Margin, y, half);
        Field(gfx, "页次：", $"第 {page} 页 / 共 {pages} 页", Margin + half, y, half);
        if (content.Related is { } related)
        {
            y += 18;
            Field(gfx, "冲红原票据：", $"{related.Code}-{related.Number}", Margin, y, width - (2 * Margin));
        }

        return y + 26;
    }

    private double DrawItems(XGraphics gfx, double width, double y, IReadOnlyList<EInvoiceItem> items)
    {
        var columns = new[] { ("项目编码", 0.17), ("项目名称", 0.37), ("单位", 0.09), ("数量", 0.10), ("标准", 0.11), ("金额（元）", 0.16) };
        var tableWidth = width - (2 * Margin);
        var pen = new XPen(Ink, 0.6);
        var x = Margin;
        var lefts = new double[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            lefts[i] = x;
            Cell(gfx, columns[i].Item1, x, y, tableWidth * columns[i].Item2, Font(10, bold: true), XStringFormats.Center);
            x += tableWidth * columns[i].Item2;
        }

        gfx.DrawRectangle(pen, Margin, y, tableWidth, RowHeight * (items.Count + 1));
        for (var r = 0; r < items.Count; r++)
        {
            var top = y + (RowHeight * (r + 1));
            gfx.DrawLine(pen, Margin, top, Margin + tableWidth, top);
            var item = items[r];
            string[] texts =
            [
                item.Code, item.Name, item.Unit ?? "",
                item.Quantity is { } q ? q.ToString("0.##", CultureInfo.InvariantCulture) : "",
                item.Standard ?? "", EInvoiceXml.Amount(item.Amount),
            ];
            for (var c = 0; c < texts.Length; c++)
            {
                Cell(gfx, texts[c], lefts[c], top, tableWidth * columns[c].Item2, Font(10), c == texts.Length - 1 ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
            }
        }

        for (var c = 1; c < columns.Length; c++)
        {
            gfx.DrawLine(pen, lefts[c], y, lefts[c], y + (RowHeight * (items.Count + 1)));
        }

        return y + (RowHeight * (items.Count + 1)) + 14;
    }

    private void DrawFoot(XGraphics gfx, double width, double y, BillFace face)
    {
        var content = face.Content;
        var full = width - (2 * Margin);
        Field(gfx, "金额合计（大写）：", face.TotalInCapitals, Margin, y, full * 0.62);
        Field(gfx, "（小写）：", "¥" + EInvoiceXml.Amount(content.TotalAmount), Margin + (full * 0.62), y, full * 0.38);
        y += 20;
        if (!string.IsNullOrEmpty(content.Remark))
        {
            Field(gfx, "备注：", content.Remark, Margin, y, full);
            y += 20;
        }

        Field(gfx, "收款单位：", $"{content.InvoicingParty.Name}（{content.InvoicingParty.Code}）", Margin, y, full);
        y += 18;
        Field(gfx, "收款人：", content.HandlingPerson, Margin, y, full / 2);
        Field(gfx, "复核人：", content.Checker, Margin + (full / 2), y, full / 2);
        y += 28;

        const double qrSize = 110;
        var textWidth = full - qrSize - 16;
        var top = y;
        y = Signature(gfx, "单位签名", face.UnitSignature, Margin, y, textWidth);
        y = Signature(gfx, "财政监管签名", face.FinanceSignature, Margin, y + 6, textWidth);
        DrawQr(gfx, face.VerificationUrl, width - Margin - qrSize, top, qrSize);
        gfx.DrawString("扫码查验", Font(9), new XSolidBrush(Ink), new XRect(width - Margin - qrSize, top + qrSize, qrSize, 14), XStringFormats.TopCenter);
        y = Math.Max(y, top + qrSize + 16) + 6;
        Cell(gfx, "查验：" + face.VerificationUrl, Margin, y, full, Font(8), XStringFormats.CenterLeft);
    }

    private double Signature(XGraphics gfx, string label, SignatureFace signature, double x, double y, double width)
    {
        gfx.DrawString(label, Font(10, bold: true), new XSolidBrush(Ink), new XRect(x, y, width, 14), XStringFormats.TopLeft);
        y += 15;
        Field(gfx, "证书序列号：", signature.SerialNumber, x, y, width);
        y += 15;
        Field(gfx, "签发者：", signature.IssuerName, x, y, width);
        y += 15;
        Field(gfx, "签名时间：", signature.SignedAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), x, y, width);
        return y + 16;
    }

    private static void DrawQr(XGraphics gfx, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            // One rectangle per run of dark modules keeps the page small.
            var run = -1;
            for (var col = 0; col <= matrix.Count; col++)
            {
                var dark = col < matrix.Count && matrix[row][col];
                if (dark && run < 0)
                {
                    run = col;
                }
                else if (!dark && run >= 0)
                {
                    gfx.DrawRectangle(XBrushes.Black, x + (run * module), y + (row * module), (col - run) * module, module);
                    run = -1;
                }
            }
        }
    }

    private void Field(XGraphics gfx, string label, string value, double x, double y, double width)
    {
        var labelFont = Font(10);
        var labelWidth = gfx.MeasureString(label, labelFont).Width;
        gfx.DrawString(label, labelFont, new XSolidBrush(Ink), new XRect(x, y, labelWidth, 14), XStringFormats.TopLeft);
        Cell(gfx, value, x + labelWidth, y, width - labelWidth - 4, Font(10), XStringFormats.TopLeft, 14, pad: 0);
    }

    /// <summary>Text in a box: shrunk down to 6 pt to fit, then cut with an ellipsis.</summary>
    private void Cell(XGraphics gfx, string text, double x, double y, double width, XFont cellFont, XStringFormat format, double height = RowHeight, double pad = 4)
    {
        var room = width - (2 * pad);
        var size = cellFont.Size;
        var fitted = cellFont;
        while (size > 6 && gfx.MeasureString(text, fitted).Width > room)
        {
            size -= 0.5;
            fitted = new XFont(font.FaceName, size, cellFont.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        }

        while (text.Length > 1 && gfx.MeasureString(text, fitted).Width > room)
        {
            text = text[..^2] + "…";
        }

        gfx.DrawString(text, fitted, XBrushes.Black, new XRect(x + pad, y, room, height), format);
    }
}
