using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.BankSimulator.Tests;

/// <summary>The move verb builds the one-row 2613/2615/2616/2619 the bank reports, valid by the vouchers' own rules.</summary>
public sealed class MovementTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static (string MsgNo, Voucher Voucher) Build(params string[] args)
    {
        var (msgNo, fields) = Movement.Build(new SimulatorArguments(["move", .. args]), "0105", Today);
        return (msgNo, VoucherPaths.ToVoucher(fields));
    }

    [Fact]
    public void Each_kind_is_a_valid_one_row_message_on_the_account()
    {
        var (arrivalNo, arrival) = Build("--acct", "A1", "--amount", "12.34", "--tra", "T1");
        Assert.Equal("2615", arrivalNo);
        var credit = Assert.Single(Arrival.Parse(arrival).Value!.Details);
        Assert.Equal(("T1", "A1", 12.34m), (credit.TraNo, credit.RecAcct, credit.Amt));

        var (transferNo, transfer) = Build("--kind", "2613", "--acct", "A1", "--amount", "5.00", "--other", "B2");
        Assert.Equal("2613", transferNo);
        var debit = Assert.Single(InterBankTransfer.Parse(transfer).Value!.Details);
        Assert.Equal(("A1", "B2", 5.00m), (debit.PayAcct, debit.RecAcct, debit.Amt));

        Assert.Equal("A1", Assert.Single(VirtualAccountArrival.Parse(Build("--kind", "2616", "--acct", "A1", "--amount", "1.00").Voucher).Value!.Details).RecAcct);
        var late = LateInTransitArrival.Parse(Build("--kind", "2619", "--acct", "A1", "--amount", "1.00").Voucher).Value!;
        Assert.Equal((Today, Today.AddDays(-1)), (late.ArrDate, late.OriChkDate));
    }

    [Fact]
    public void An_unknown_kind_or_a_missing_account_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Build("--kind", "2617", "--acct", "A1", "--amount", "1.00"));
        Assert.Throws<ArgumentException>(() => Build("--amount", "1.00"));
    }
}
