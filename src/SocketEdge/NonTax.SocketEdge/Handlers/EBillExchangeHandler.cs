using System.Globalization;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Infrastructure.EBills;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers.Units;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 8981 → 5981: a unit system's own e-bill for a paid notice (Header + EInvoiceData it built and
/// signed, its number taken by 8999). The notice grain has the content, the number and the unit's
/// signature checked, adds the finance signature and stores it, at most once per notice; the reply
/// carries the bill (Trade_Id code-number), its issue date and the payer's download link.
/// </summary>
public sealed class EBillExchangeHandler(IGrainFactory grains, EBillLinks links) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.EBillExchange];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (!request.TryParseVoucher<EBillExchange>(out var exchange, out _))
        {
            // Parse again for the reason: the refusal of the generic path is a 5001, 8981 is answered 5981.
            var error = EBillExchange.Parse(request.Envelope.First.Voucher).TryGetValue(out _, out var why) ? null : why;
            return Reply(error?.ResultCode ?? ResultCodes.MalformedField, error?.Information ?? "malformed 8981");
        }

        if (!long.TryParse(exchange.BillNo, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || exchange.BillNo.Length != 10)
        {
            return Reply(ResultCodes.MalformedField, "BillNo: the 10-digit bill number");
        }

        var notice = grains.GetGrain<IPaymentNoticeGrain>(exchange.PayCode);
        if (await notice.GetDetails() is not { } record)
        {
            return Reply(ResultCodes.UnknownPayCode, "payment code unknown");
        }

        if (!request.Peer.MayActFor(record.Details.UnitCode))
        {
            return Reply(ResultCodes.NotAllowed, $"{request.Peer.NodeCode} does not act for unit {record.Details.UnitCode}");
        }

        var content = Convert.FromBase64String(exchange.EInvoice);
        var sign = exchange.Signature;
        var outcome = await notice.AcceptUnitEBill(new UnitSignedEBill(
            exchange.BillTypeCode, number, content, sign.Value, sign.Algorithm, sign.Format, sign.Time, sign.Key?.Number ?? "", sign.Key?.Issuer ?? "",
            request.Peer.NodeCode, NullIfEmpty(exchange.Recipient?.Telephone), NullIfEmpty(exchange.Recipient?.Email)));
        if (!outcome.Succeeded || outcome.Bill is not { } bill)
        {
            return Reply(outcome.Code, outcome.Message);
        }

        return new HandlerOutcome(MsgNos.SupervisedAccountRefreshOrEBillExchangeReply,
            [new EBillExchangeReply(ResultCodes.Success, outcome.Repeated ? "已换开" : "成功", TradeId: bill.Key,
                IssueDate: ChinaTime.ToYyyyMmDd(ChinaTime.ToBusinessDate(bill.IssuedAt)), InvoiceUrl: links.For(bill)).ToVoucher()],
            ResultCodes.Success);
    }

    private static HandlerOutcome Reply(string result, string message) =>
        new(MsgNos.SupervisedAccountRefreshOrEBillExchangeReply, [new EBillExchangeReply(result, message.Length > 500 ? message[..500] : message).ToVoucher()], result);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
