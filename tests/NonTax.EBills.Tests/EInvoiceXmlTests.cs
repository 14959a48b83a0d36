using System.Text;
using NonTax.EBills.Document;

namespace NonTax.EBills.Tests;

public sealed class EInvoiceXmlTests
{
    [Fact]
    public void The_header_carries_the_region_tag_and_the_reversed_id()
    {
        var xml = Encoding.UTF8.GetString(EInvoiceXml.Write(SampleBills.Content()));

        Assert.StartsWith("<Header><EInvoiceTag>CZ-EI-32</EInvoiceTag><EInvoiceID>3210000000-62101023</EInvoiceID><Version>1.0</Version></Header><EInvoiceData><Main>", xml, StringComparison.Ordinal);
        Assert.Contains("<TotalAmount>80.00</TotalAmount><IssueDate>20261202</IssueDate><IssueTime>101530</IssueTime>", xml, StringComparison.Ordinal);
        Assert.Contains("<MainExt><PayCode>32068226000000000014</PayCode></MainExt>", xml, StringComparison.Ordinal);
        Assert.EndsWith("</Details></EInvoiceData>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_content_reads_back_the_same()
    {
        var content = SampleBills.Content();

        var read = EInvoiceXml.Read(EInvoiceXml.Write(content));

        Assert.Equal(content with { Items = [] }, read with { Items = [] });
        Assert.Equal(content.Items, read.Items);
    }

    [Fact]
    public void A_red_letter_bill_names_the_blue_one_and_carries_negative_amounts()
    {
        var blue = SampleBills.Content();
        var red = blue with
        {
            BillNumber = "0000000124",
            TotalAmount = -80.00m,
            Related = new RelatedBill(blue.BillCode, blue.BillNumber),
            Items = [blue.Items[0] with { Amount = -80.00m }],
        };

        var xml = Encoding.UTF8.GetString(EInvoiceXml.Write(red));

        Assert.Contains("<MainExt><RelatedInvoiceCode>32010126</RelatedInvoiceCode><RelatedInvoiceNumber>0000000123</RelatedInvoiceNumber>", xml, StringComparison.Ordinal);
        Assert.True(EInvoiceXml.Read(Encoding.UTF8.GetBytes(xml)).IsRedLetter);
        Assert.Throws<EBillFormatException>(() => EInvoiceXml.Write(red with { Items = [blue.Items[0]], TotalAmount = 80m }));
    }

    [Fact]
    public void Content_that_breaks_the_rules_is_refused_with_the_reason()
    {
        var content = SampleBills.Content();

        var sum = Assert.Throws<EBillFormatException>(() => EInvoiceXml.Write(content with { TotalAmount = 81m }));
        var code = Assert.Throws<EBillFormatException>(() => EInvoiceXml.Write(content with { BillCode = "3201012" }));
        var check = Assert.Throws<EBillFormatException>(() => EInvoiceXml.Write(content with { CheckCode = "ABC123" }));
        var none = Assert.Throws<EBillFormatException>(() => EInvoiceXml.Write(content with { Items = [], TotalAmount = 0m }));

        Assert.Contains("items add up to 80.00", sum.Message, StringComparison.Ordinal);
        Assert.Contains("EInvoiceCode: 8 digits", code.Message, StringComparison.Ordinal);
        Assert.Contains("RandomNumber", check.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 999 items", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_that_does_not_match_the_face_is_refused()
    {
        var xml = Encoding.UTF8.GetString(EInvoiceXml.Write(SampleBills.Content()))
            .Replace("3210000000-62101023", "3210000000-62101024", StringComparison.Ordinal);

        var error = Assert.Throws<EBillFormatException>(() => EInvoiceXml.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.Contains("EInvoiceID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_codes_are_six_lower_case_letters_or_digits()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => BillCheckCode.New()).ToArray();

        Assert.All(codes, c => Assert.True(BillCheckCode.IsWellFormed(c), c));
        Assert.True(codes.Distinct().Count() > 190);
    }
}
