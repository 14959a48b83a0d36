using NonTax.BankSimulator;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Projection;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Integration.Tests.MoneyFlow;

/// <summary>
/// 2613/2615/2616/2619 as a bank sends them over TCP to the socket edge: the rows land in
/// <c>account_movements</c> once, a resend (new MsgID) counts nothing twice, and a malformed or
/// conflicting message is refused with nothing recorded.
/// </summary>
public sealed class AccountMovementEdgeTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    private const string Bank = "D3206820105";
    private const string OtherBank = "D3206820103";
    private const string Fiscal = "32001647236051117660";
    private static readonly DateOnly Day = new(2025, 11, 3);

    private Task<ExchangeRecord> SendAsync<T>(string bank, string msgNo, T voucher)
        where T : ITypedVoucher<T> =>
        system.Finance.SendAsync(system.Peer(bank), msgNo, VoucherPaths.ToFields(voucher.ToVoucher()));

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> MovementsAsync(string referencePrefix) =>
        await ProjectionRows.QueryAsync(system.Database.OwnerConnectionString,
            "SELECT bank_node, msg_no, reference_no, account_no, business_day, direction, amount, kind, counterparty_account, related_no, pay_code, original_day "
            + "FROM nontax.account_movements WHERE reference_no LIKE $1 ORDER BY msg_no, reference_no", referencePrefix + "%");

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"not a date: {value}"),
    };

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Each_message_records_its_rows_as_movements_in_or_out_of_the_account()
    {
        var k = Unique();
        var transfer = new InterBankTransfer(Day, "0105", 2, 150.5m,
        [
            new InterBankTransfer.Detail(k + "T1", Fiscal, "10300001000000012", 100m, ClearNo: "CL20251103D3206820105"),
            new InterBankTransfer.Detail(k + "T2", Fiscal, "10300001000000012", 50.5m),
        ]);
        var arrival = new Arrival(Day, "0103", 1, 100m, [new Arrival.Detail(k + "A1", "10300001000000012", 100m, Fiscal, OriTraNo: k + "T1")]);
        var virtualArrival = new VirtualAccountArrival(Day, "0105", 1, 80m, [new VirtualAccountArrival.Detail(k + "V1", "9558800001", Fiscal, 80m, "32068225110300000001")]);
        var late = new LateInTransitArrival(Day.AddDays(1), Day, "0105", 1, 9.99m, [new LateInTransitArrival.Detail(k + "L1", Fiscal, 9.99m, "20251103000456")]);

        Assert.Equal(ResultCodes.Success, (await SendAsync(Bank, MsgNos.InterBankTransfer, transfer)).ReplyField("Result"));
        Assert.Equal(ResultCodes.Success, (await SendAsync(OtherBank, MsgNos.Arrival, arrival)).ReplyField("Result"));
        Assert.Equal(ResultCodes.Success, (await SendAsync(Bank, MsgNos.VirtualAccountArrival, virtualArrival)).ReplyField("Result"));
        Assert.Equal(ResultCodes.Success, (await SendAsync(Bank, MsgNos.LateInTransit, late)).ReplyField("Result"));

        var rows = await MovementsAsync(k);
        Assert.Equal(5, rows.Count);
        Assert.Collection(rows,
            r => Assert.Equal([Bank, "2613", k + "T1", Fiscal, "out", 100.00m, "transfer", "10300001000000012", "CL20251103D3206820105"],
                [r["bank_node"], r["msg_no"], r["reference_no"], r["account_no"], r["direction"], r["amount"], r["kind"], r["counterparty_account"], r["related_no"]]),
            r => Assert.Equal([k + "T2", 50.50m, null], [r["reference_no"], r["amount"], r["related_no"]]),
            r => Assert.Equal([OtherBank, "2615", "10300001000000012", "in", "arrival", k + "T1"],
                [r["bank_node"], r["msg_no"], r["account_no"], r["direction"], r["kind"], r["related_no"]]),
            r => Assert.Equal(["2616", Fiscal, "virtual_arrival", "9558800001", "32068225110300000001"],
                [r["msg_no"], r["account_no"], r["kind"], r["related_no"], r["pay_code"]]),
            r => Assert.Equal(["2619", "late_arrival", Day.AddDays(1), Day],
                [r["msg_no"], r["kind"], AsDate(r["business_day"]), AsDate(r["original_day"])]));
    }

    [Fact]
    public async Task A_resend_with_a_new_msg_id_counts_nothing_twice()
    {
        var k = Unique();
        var arrival = new Arrival(Day, "0105", 2, 30m, [new Arrival.Detail(k + "A1", Fiscal, 10m), new Arrival.Detail(k + "A2", Fiscal, 20m)]);

        Assert.Equal(ResultCodes.Success, (await SendAsync(Bank, MsgNos.Arrival, arrival)).ReplyField("Result"));
        Assert.Equal(ResultCodes.Success, (await SendAsync(Bank, MsgNos.Arrival, arrival)).ReplyField("Result"));
        // The same rows in a later message together with a new one: only the new one is added.
        var later = new Arrival(Day, "0105", 2, 25m, [new Arrival.Detail(k + "A2", Fiscal, 20m), new Arrival.Detail(k + "A3", Fiscal, 5m)]);
        Assert.Equal(ResultCodes.Success, (await SendAsync(Bank, MsgNos.Arrival, later)).ReplyField("Result"));

        var rows = await MovementsAsync(k);
        Assert.Equal([k + "A1", k + "A2", k + "A3"], rows.Select(r => (string)r["reference_no"]!));
        Assert.Equal(35m, rows.Sum(r => (decimal)r["amount"]!));
    }

    [Fact]
    public async Task A_trano_reused_for_a_different_amount_is_refused_and_nothing_of_the_message_is_recorded()
    {
        var k = Unique();
        Assert.Equal(ResultCodes.Success,
            (await SendAsync(Bank, MsgNos.Arrival, new Arrival(Day, "0105", 1, 10m, [new Arrival.Detail(k + "A1", Fiscal, 10m)]))).ReplyField("Result"));

        var conflicting = new Arrival(Day, "0105", 2, 21m, [new Arrival.Detail(k + "A2", Fiscal, 10m), new Arrival.Detail(k + "A1", Fiscal, 11m)]);
        var reply = await SendAsync(Bank, MsgNos.Arrival, conflicting);

        Assert.Equal(ResultCodes.TraNoBusReused, reply.ReplyField("Result"));
        var rows = await MovementsAsync(k);
        Assert.Equal([k + "A1"], rows.Select(r => (string)r["reference_no"]!));
        Assert.Equal(10m, rows.Single()["amount"]);
    }

    [Fact]
    public async Task A_malformed_message_is_refused_naming_the_field_and_records_nothing()
    {
        var k = Unique();
        var wrongSum = new Arrival(Day, "0105", 1, 99m, [new Arrival.Detail(k + "A1", Fiscal, 10m)]);
        var fields = VoucherPaths.ToFields(wrongSum.ToVoucher());

        var reply = await system.Finance.SendAsync(system.Peer(Bank), MsgNos.Arrival, fields);
        var missingAccount = await system.Finance.SendAsync(system.Peer(Bank), MsgNos.Arrival,
            [.. VoucherPaths.ToFields((wrongSum with { AllAmt = 10m }).ToVoucher()).Where(f => f.Name != "Details/Detail/RecAcct")]);

        Assert.Equal(ResultCodes.MalformedField, reply.ReplyField("Result"));
        Assert.Contains("AllAmt", reply.ReplyField("Information"));
        Assert.Equal(ResultCodes.MalformedField, missingAccount.ReplyField("Result"));
        Assert.Contains("RecAcct", missingAccount.ReplyField("Information"));
        Assert.Empty(await MovementsAsync(k));
    }
}
