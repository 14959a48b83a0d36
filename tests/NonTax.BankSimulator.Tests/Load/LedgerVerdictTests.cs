using NonTax.BankSimulator.Load;

namespace NonTax.BankSimulator.Tests.Load;

public sealed class LedgerVerdictTests
{
    private static readonly Acknowledgement Paid = new("C1", "D3206820105", "T1", "00000");
    private static readonly Acknowledgement Duplicate = new("C1", "D3206820103", "T2", "10006");

    [Fact]
    public void One_revenue_row_and_one_refund_hold()
    {
        var verdict = LedgerVerdict.Judge(
            [Paid, Duplicate],
            [new("C1", "D3206820105", "T1", "revenue"), new("C1", "D3206820103", "T2", "duplicate")],
            [new("C1", "D3206820103", "T2")]);

        Assert.True(verdict.Holds);
        Assert.Equal(1, verdict.RevenueChecked);
        Assert.Equal(1, verdict.RefundsChecked);
    }

    [Fact]
    public void A_second_revenue_row_for_the_code_is_a_violation()
    {
        var verdict = LedgerVerdict.Judge(
            [Paid],
            [new("C1", "D3206820105", "T1", "revenue"), new("C1", "D3206820103", "T9", "revenue")],
            []);

        Assert.False(verdict.Holds);
        Assert.Single(verdict.Violations);
    }

    [Fact]
    public void Revenue_stored_for_another_transaction_than_the_one_acknowledged_is_a_violation()
    {
        var verdict = LedgerVerdict.Judge([Paid], [new("C1", "D3206820103", "T2", "revenue")], []);

        Assert.Contains("but revenue is D3206820103 T2", Assert.Single(verdict.Violations));
    }

    [Fact]
    public void An_acknowledged_confirmation_not_yet_stored_is_missing_not_violated()
    {
        var verdict = LedgerVerdict.Judge([Paid, Duplicate], [], []);

        Assert.False(verdict.Holds);
        Assert.Equal(2, verdict.Missing.Count);
        Assert.Empty(verdict.Violations);
    }

    [Fact]
    public void Two_refunds_for_one_duplicate_are_a_violation()
    {
        var verdict = LedgerVerdict.Judge(
            [Duplicate],
            [],
            [new("C1", "D3206820103", "T2"), new("C1", "D3206820103", "T2")]);

        Assert.Contains("2 technical refunds", Assert.Single(verdict.Violations));
    }

    [Fact]
    public void A_refund_for_another_bank_does_not_count()
    {
        var verdict = LedgerVerdict.Judge([Duplicate], [], [new("C1", "D3206820105", "T2")]);

        Assert.Single(verdict.Missing);
    }
}
