using System.Globalization;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.BankSimulator;

/// <summary>
/// The <c>move</c> verb: the bank reports one movement of money on an account — 2613 a transfer
/// out, 2615 an arrival, 2616 an arrival through a virtual account, 2619 in-transit money that
/// arrived after its day was reconciled — as the one row of the message.
/// </summary>
public static class Movement
{
    /// <summary>The message number and voucher fields of the movement the arguments describe.</summary>
    /// <exception cref="ArgumentException">An option is missing or not a known kind.</exception>
    public static (string MsgNo, IReadOnlyList<(string Name, string Value)> Fields) Build(SimulatorArguments arguments, string bankCode, DateOnly today)
    {
        var msgNo = arguments.Option("kind", "2615");
        var account = arguments.Option("acct") ?? throw new ArgumentException("--acct ACCOUNT: the account credited (or, for 2613, debited)");
        var amount = decimal.Parse(arguments.Option("amount") ?? throw new ArgumentException("--amount N.NN"), CultureInfo.InvariantCulture);
        var traNo = arguments.Option("tra", "MV" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture));
        var other = arguments.Option("other", "10300001000000012");
        var day = arguments.Option("date") is { } date ? DateOnly.ParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture) : today;
        var payCode = arguments.Option("paycode", "");
        return msgNo switch
        {
            "2613" => (msgNo, OutboundVoucher.ToFields(msgNo, new InterBankTransfer(day, bankCode, 1, amount, [new InterBankTransfer.Detail(traNo, account, other, amount)]))),
            "2615" => (msgNo, OutboundVoucher.ToFields(msgNo, new Arrival(day, bankCode, 1, amount, [new Arrival.Detail(traNo, account, amount, other)]))),
            "2616" => (msgNo, OutboundVoucher.ToFields(msgNo, new VirtualAccountArrival(day, bankCode, 1, amount,
                [new VirtualAccountArrival.Detail(traNo, arguments.Option("virtual", "9558800001"), account, amount, payCode)]))),
            "2619" => (msgNo, OutboundVoucher.ToFields(msgNo, new LateInTransitArrival(day, day.AddDays(-1), bankCode, 1, amount,
                [new LateInTransitArrival.Detail(traNo, account, amount, PayCode: payCode)]))),
            _ => throw new ArgumentException($"--kind {msgNo}: one of 2613, 2615, 2616, 2619"),
        };
    }
}
