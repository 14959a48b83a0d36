using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Results;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Protocol.Tests.Vouchers;

/// <summary>The money-flow vouchers survive the frame, and their cross-field rules refuse what would count money wrongly.</summary>
public class MoneyFlowVoucherTests
{
    private static readonly DateOnly Day = new(2025, 11, 1);

    [Property(MaxTest = 50)]
    public Property InterBankTransfer() => Prop.ForAll(MoneyFlowGenerators.InterBankTransfer.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.InterBankTransfer));

    [Property(MaxTest = 50)]
    public Property Arrival() => Prop.ForAll(MoneyFlowGenerators.Arrival.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.Arrival));

    [Property(MaxTest = 50)]
    public Property VirtualAccountArrival() => Prop.ForAll(MoneyFlowGenerators.VirtualAccountArrival.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.VirtualAccountArrival));

    [Property(MaxTest = 50)]
    public Property LateInTransitArrival() => Prop.ForAll(MoneyFlowGenerators.LateInTransitArrival.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.LateInTransit));

    [Property(MaxTest = 50)]
    public Property ClearingInstruction() => Prop.ForAll(MoneyFlowGenerators.ClearingInstruction.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.ClearingInstruction));

    [Property(MaxTest = 50)]
    public Property ClearingResult() => Prop.ForAll(MoneyFlowGenerators.ClearingResult.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.ClearingResult));

    [Property(MaxTest = 50)]
    public Property RemittanceInstruction() => Prop.ForAll(MoneyFlowGenerators.RemittanceInstruction.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.RemittanceInstruction));

    [Property(MaxTest = 50)]
    public Property RemittanceResult() => Prop.ForAll(MoneyFlowGenerators.RemittanceResult.ToArbitrary(), v => RoundTrip.Preserves(v, MsgNos.RemittanceResult));

    private static Arrival OneArrival(decimal amt) =>
        new(Day, "0105", 1, amt, [new Arrival.Detail("T1", "32001647236051117660", amt)]);

    [Fact]
    public void Totals_that_do_not_match_the_rows_are_refused_naming_the_field()
    {
        Assert.Equal("AllAmt", Refusal(MsgNos.Arrival, OneArrival(80m) with { AllAmt = 81m }));
        Assert.Equal("AllNum", Refusal(MsgNos.Arrival, OneArrival(80m) with { AllNum = 2 }));
        Assert.Null(VoucherCatalog.Validate(MsgNos.Arrival, OneArrival(80m).ToVoucher()));
    }

    [Fact]
    public void A_row_named_twice_or_moving_nothing_is_refused()
    {
        var twice = new Arrival(Day, "0105", 2, 160m,
            [new Arrival.Detail("T1", "32001647236051117660", 80m), new Arrival.Detail("T1", "32001647236051117660", 80m)]);
        Assert.Equal("Details/Detail[2]", Refusal(MsgNos.Arrival, twice));
        Assert.Equal("Details/Detail[1]/Amt", Refusal(MsgNos.Arrival, OneArrival(0m)));
    }

    [Fact]
    public void A_late_arrival_must_be_later_than_the_day_it_belonged_to()
    {
        var late = new LateInTransitArrival(Day, Day, "0105", 1, 5m, [new LateInTransitArrival.Detail("T9", "32001647236051117660", 5m)]);
        Assert.Equal("OriChkDate", Refusal(MsgNos.LateInTransit, late));
        Assert.Null(Refusal(MsgNos.LateInTransit, late with { ArrDate = Day.AddDays(1) }));
    }

    [Fact]
    public void Clearing_rows_need_a_budget_level_and_a_different_account()
    {
        var row = new ClearingInstruction.Detail(1, "32001647236051117660", "32001647236051119999", "如皋市财政局", "103043211", "1", 4, 80m);
        var instruction = new ClearingInstruction("CL20251101D3206820105", Day, "0105", 1, 80m, [row]);
        Assert.Null(Refusal(MsgNos.ClearingInstruction, instruction));
        Assert.Equal("Details/Detail[1]/BudgetLevel", Refusal(MsgNos.ClearingInstruction, instruction with { Details = [row with { BudgetLevel = 7 }] }));
        Assert.Equal("Details/Detail[1]/RecAcct", Refusal(MsgNos.ClearingInstruction, instruction with { Details = [row with { RecAcct = row.PayAcct }] }));
        Assert.Equal("Details/Detail", Refusal(MsgNos.ClearingInstruction, instruction with { AllNum = 0, AllAmt = 0, Details = [] }));
    }

    [Fact]
    public void A_clearing_result_cannot_claim_success_for_a_failed_row()
    {
        var result = new ClearingResult("CL20251101D3206820105", Day, "00000", Day, 1, 80m, [new ClearingResult.Detail(1, "40001", 80m)]);
        Assert.Equal("Result", Refusal(MsgNos.ClearingResult, result));
    }

    [Fact]
    public void A_direct_remittance_names_the_payment_of_every_row()
    {
        var row = new RemittanceInstruction.Detail(1, "103043211", "1030432", "1", 80m, "32068225110100000001");
        var direct = new RemittanceInstruction("RD320682251101000000011", 1, Day, "0105", "32001647236051117660", "3206820000", 4, 1, 80m, [row]);
        Assert.Null(Refusal(MsgNos.RemittanceInstruction, direct));
        Assert.Equal("Details/Detail[1]/PayCode", Refusal(MsgNos.RemittanceInstruction, direct with { Details = [row with { PayCode = "" }] }));
        Assert.Null(Refusal(MsgNos.RemittanceInstruction, direct with { RemitType = 2, Details = [row with { PayCode = "" }] }));
        Assert.Equal("RemitType", Refusal(MsgNos.RemittanceInstruction, direct with { RemitType = 3 }));
    }

    [Fact]
    public void A_successful_remittance_result_names_the_banks_transaction()
    {
        var result = new RemittanceResult("RD320682251101000000011", 1, "00000", Day, 80m, "");
        Assert.Equal("TraNo", Refusal(MsgNos.RemittanceResult, result));
        Assert.Null(Refusal(MsgNos.RemittanceResult, result with { TraNo = "TR1" }));
    }

    [Fact]
    public void A_missing_mandatory_field_is_refused_with_its_path()
    {
        var fields = VoucherPaths.ToFields(OneArrival(80m).ToVoucher()).Where(f => f.Name != "Details/Detail/RecAcct").ToList();
        Assert.Equal("Details/Detail[1]/RecAcct", VoucherCatalog.Validate(MsgNos.Arrival, VoucherPaths.ToVoucher(fields))?.Field);
    }

    private static string? Refusal<T>(string msgNo, T voucher)
        where T : ITypedVoucher<T> => VoucherCatalog.Validate(msgNo, voucher.ToVoucher())?.Field;
}

/// <summary>The example frames docs/protocol.md shows for the money-flow messages are real: they verify, decode and pass their voucher's rules.</summary>
public class MoneyFlowDocumentedFrameTests
{
    private const string DocToken = "0123456789ABCDEF0123456789abcdef";

    [Theory]
    [InlineData(MsgNos.InterBankTransfer)]
    [InlineData(MsgNos.Arrival)]
    [InlineData(MsgNos.VirtualAccountArrival)]
    [InlineData(MsgNos.LateInTransit)]
    [InlineData(MsgNos.ClearingInstruction)]
    [InlineData(MsgNos.ClearingResult)]
    [InlineData(MsgNos.RemittanceInstruction)]
    [InlineData(MsgNos.RemittanceResult)]
    [InlineData(MsgNos.ArrivalReconciliation)]
    [InlineData(MsgNos.ArrivalReconciliationResult)]
    [InlineData(MsgNos.AccountReconciliation)]
    [InlineData(MsgNos.AccountReconciliationResult)]
    [InlineData(MsgNos.SupervisedAccountStatement)]
    public void The_documented_frame_decodes_and_validates(string msgNo)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocol.md"));
        var section = doc[doc.IndexOf($"### {msgNo} ", StringComparison.Ordinal)..];
        var start = section.IndexOf("```text\n", StringComparison.Ordinal) + 8;
        var text = section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
        var bytes = NonTax.Protocol.Text.Gbk.Encoding.GetBytes(text);

        var read = CnnontaxCodec.Default.TryReadFrame(new System.Buffers.ReadOnlySequence<byte>(bytes), out _);
        Assert.True(read.IsComplete, $"{msgNo}: {read.Status}");
        Assert.True(CnnontaxCodec.Default.VerifyMac(read.Frame!, [DocToken]));
        var decoded = CnnontaxCodec.Default.Decode(read.Frame!);
        Assert.True(decoded.IsSuccess, decoded.Error?.ToString());
        Assert.Equal(msgNo, decoded.Envelope!.Head.MsgNo);
        Assert.NotNull(VoucherCatalog.TypeFor(msgNo));
        Assert.Null(VoucherCatalog.Validate(msgNo, decoded.Envelope.First.Voucher));
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NonTaxGrains.sln")))
        {
            root = root.Parent;
        }

        return root!.FullName;
    }
}
