using NonTax.EBills.Document;
using NonTax.EBills.Rendering;
using UglyToad.PdfPig;

namespace NonTax.EBills.Tests;

/// <summary>The bill face PDF read back with a second library (PdfPig): pages, and the text a reader sees.</summary>
public sealed class BillFaceRendererTests
{
    private const string Link = "https://pay.example/ebills/32010126-0000000123?check=a1b2c3";

    [Fact]
    public void A_one_item_bill_is_one_page_with_its_number_payer_total_and_verification_link()
    {
        var face = BillFace.Of(SampleBills.Signed().ToDocument(), Link);

        using var pdf = PdfDocument.Open(BillFaceFonts.Renderer().Render(face));

        Assert.Equal(1, pdf.NumberOfPages);
        var text = Text(pdf.GetPage(1));
        Assert.Contains("江苏省非税收入通用票据", text, StringComparison.Ordinal);
        Assert.Contains("32010126", text, StringComparison.Ordinal);
        Assert.Contains("0000000123", text, StringComparison.Ordinal);
        Assert.Contains("a1b2c3", text, StringComparison.Ordinal);
        Assert.Contains("张三", text, StringComparison.Ordinal);
        Assert.Contains("不动产登记费", text, StringComparison.Ordinal);
        Assert.Contains("捌拾元整", text, StringComparison.Ordinal);
        Assert.Contains("¥80.00", text, StringComparison.Ordinal);
        Assert.Contains("如皋市自然资源和规划局", text, StringComparison.Ordinal);
        Assert.Contains(SampleBills.UnitKey.Certificate.SerialNumber.ToString(16).ToUpperInvariant(), text, StringComparison.Ordinal);
        Assert.Contains(SampleBills.FinanceKey.Certificate.SerialNumber.ToString(16).ToUpperInvariant(), text, StringComparison.Ordinal);
        Assert.Contains(Link, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_qr_code_carries_the_link_the_face_was_given()
    {
        var face = BillFace.Of(SampleBills.Signed().ToDocument(), BillFace.VerificationUrlOf("https://pay.example/ebills/", "32010126", "0000000123", "a1b2c3"));

        Assert.Equal(Link, face.VerificationUrl);
        Assert.Equal("捌拾元整", face.TotalInCapitals);
    }

    [Theory]
    [InlineData(BillFaceRenderer.ItemsPerPage, 1)]
    [InlineData(BillFaceRenderer.ItemsPerPage + 1, 2)]
    [InlineData(40, 3)]
    public void Item_lines_beyond_a_page_continue_on_the_next_and_the_total_closes_the_last(int items, int pages)
    {
        var lines = Enumerable.Range(1, items).Select(i => new EInvoiceItem($"1030{i:D5}", $"收费项目{i}", 1.00m)).ToList();
        var content = SampleBills.Content() with { Items = lines, TotalAmount = items };
        var face = BillFace.Of(SampleBills.Signed(content).ToDocument(), Link);

        using var pdf = PdfDocument.Open(BillFaceFonts.Renderer().Render(face));

        Assert.Equal(pages, pdf.NumberOfPages);
        Assert.Equal(pages, BillFaceRenderer.PageCount(items));
        var last = Text(pdf.GetPage(pages));
        Assert.Contains($"收费项目{items}", last, StringComparison.Ordinal);
        Assert.Contains(ChineseAmount.Capitals(items), last, StringComparison.Ordinal);
        Assert.Contains($"第 {pages} 页 / 共 {pages} 页", last, StringComparison.Ordinal);
        if (pages > 1)
        {
            Assert.DoesNotContain("金额合计", Text(pdf.GetPage(1)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_red_letter_bill_says_so_and_names_the_bill_it_reverses()
    {
        var content = SampleBills.Content("0000000124") with
        {
            TotalAmount = -80.00m,
            Related = new RelatedBill("32010126", "0000000123"),
            Items = [new EInvoiceItem("103043211", "不动产登记费", -80.00m)],
        };

        using var pdf = PdfDocument.Open(BillFaceFonts.Renderer().Render(BillFace.Of(SampleBills.Signed(content).ToDocument(), Link)));

        var text = Text(pdf.GetPage(1));
        Assert.Contains("（红字）", text, StringComparison.Ordinal);
        Assert.Contains("32010126-0000000123", text, StringComparison.Ordinal);
        Assert.Contains("负捌拾元整", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_is_an_error_naming_the_file_and_the_package()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-font-" + Guid.NewGuid().ToString("N") + ".ttc");

        var error = Assert.Throws<BillFaceFontException>(() => BillFaceFont.Load(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-zenhei", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_font_with_cff_outlines_or_not_a_font_at_all_is_refused_before_anything_is_drawn()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [.. "OTTO"u8, 0, 10, 0, 0, 0, 0, 0, 0]);
            Assert.Contains("CFF", Assert.Throws<BillFaceFontException>(() => BillFaceFont.Load(file)).Message, StringComparison.Ordinal);
            File.WriteAllText(file, "not a font at all");
            Assert.Contains("not a TrueType font", Assert.Throws<BillFaceFontException>(() => BillFaceFont.Load(file)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Text(UglyToad.PdfPig.Content.Page page) => string.Concat(page.Letters.Select(l => l.Value));
}
