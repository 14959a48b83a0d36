using NonTax.Protocol.Vouchers.Reconciliation;

namespace NonTax.Protocol.Tests.Vouchers;

/// <summary>The account and arrival reconciliation vouchers: round trips and the balance rule.</summary>
public class AccountReconciliationVoucherTests
{
    private static readonly DateOnly Day = new(2025, 11, 1);

    [Fact]
    public void An_account_day_round_trips_and_must_balance()
    {
        var file = new AccountReconciliation(Day, "0105", 1, 130m, 30m, [new AccountReconciliation.Detail("A1", 2, 130m, 1, 30m, 1000m, 1100m, "财政专户")], 1, 2);
        var read = AccountReconciliation.Parse(file.ToVoucher()).Value!;
        Assert.Equal(file.Details, read.Details);
        Assert.Equal(file, read with { Details = file.Details });

        var unbalanced = file with { Details = [file.Details[0] with { ClosingBal = 1100.01m }] };
        Assert.Equal("Details/Detail[1]/ClosingBal", AccountReconciliation.Parse(unbalanced.ToVoucher()).Error!.Field);
        var negative = file with { Details = [file.Details[0] with { OutNum = -1 }] };
        Assert.StartsWith("Details/Detail", AccountReconciliation.Parse(negative.ToVoucher()).Error!.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrival_files_and_both_results_round_trip()
    {
        var arrivals = new ArrivalReconciliation(Day, "0105", 2, 130m, [new ArrivalReconciliation.Detail("T1", "A1", 80m, "P1"), new ArrivalReconciliation.Detail("T2", "A1", 50m)]);
        Assert.Equal(arrivals.Details, ArrivalReconciliation.Parse(arrivals.ToVoucher()).Value!.Details);

        var result = new ArrivalReconciliationResult(Day, "0105", "30001", 1, 50m, [new ArrivalReconciliationResult.Diff("T1", "A1", "P1", 3, "Amt", "80.00", "80.80")]);
        Assert.Equal(result.Diffs, ArrivalReconciliationResult.Parse(result.ToVoucher()).Value!.Diffs);

        var accounts = new AccountReconciliationResult(Day, "0105", "2581", "00000", 3, []);
        Assert.Equal(("2581", 3L), (AccountReconciliationResult.Parse(accounts.ToVoucher()).Value!.FileMsgNo, AccountReconciliationResult.Parse(accounts.ToVoucher()).Value!.MatchedNum));
        Assert.Equal("FileMsgNo", AccountReconciliationResult.Parse((accounts with { FileMsgNo = "2555" }).ToVoucher()).Error!.Field);
    }
}
