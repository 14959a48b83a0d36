using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Tests.Codes;

public sealed class NoticeImportRowTests
{
    [Fact]
    public void A_complete_row_becomes_a_one_line_draft()
    {
        var row = new NoticeImportRow(" 李小明 ", "320682201001010011", "13900000000", "103050101", "2500.5");

        Assert.True(row.TryToDraft("clerk", out var draft, out _));
        Assert.Equal("李小明", draft!.Payer.Name);
        Assert.Equal(2500.50m, draft.Amount);
        Assert.Equal(new NoticeLineRequest("103050101", 2500.50m, 1m), Assert.Single(draft.Lines));
    }

    [Theory]
    [InlineData("", "103050101", "1", null, "PayerName")]
    [InlineData("a", " ", "1", null, "ItemCode")]
    [InlineData("a", "103050101", "1.001", null, "Amount")]
    [InlineData("a", "103050101", "0", null, "Amount")]
    [InlineData("a", "103050101", "1", "-1", "Quantity")]
    public void A_bad_cell_is_named(string name, string item, string amount, string? quantity, string expected)
    {
        Assert.False(new NoticeImportRow(name, null, null, item, amount, quantity).TryToDraft("clerk", out _, out var error));
        Assert.Equal(expected, error);
    }
}
