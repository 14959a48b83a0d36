using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2617 refund result → 5001. A refund's number is "T" (technical) or "B" (business) + the
/// 20-digit payment code + a sequence, so the result finds its notice without a lookup table.
/// </summary>
public sealed class RefundResultHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.RefundResult];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<RefundResult>(out var wire, out var refusal))
        {
            return refusal;
        }

        if (!RefundNumbers.IsWellFormed(wire.RefundNo))
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, "RefundNo: not a refund this finance node instructed");
        }

        var notice = grains.GetGrain<IPaymentNoticeGrain>(RefundNumbers.PayCodeOf(wire.RefundNo));
        var record = await notice.GetDetails();
        var bank = RefundNumbers.IsBusiness(wire.RefundNo)
            ? record?.BusinessRefunds?.FirstOrDefault(r => r.RefundNo == wire.RefundNo)?.BankNode
            : record?.Refunds.FirstOrDefault(r => r.RefundNo == wire.RefundNo)?.BankNode;
        if (bank is null || bank != request.Peer.NodeCode)
        {
            // Only the bank the refund was instructed to may report its result.
            return HandlerOutcome.Generic(msgNo, ResultCodes.NotAllowed, $"refund {wire.RefundNo} was not instructed to {request.Peer.NodeCode}");
        }

        var result = await notice
            .CompleteRefund(new RefundOutcome(wire.RefundNo, wire.Result, wire.RefundDate, wire.RefundTraNo, wire.Information));
        return HandlerOutcome.Generic(msgNo, result, result == ResultCodes.Success ? "refund result recorded" : $"refused {result}");
    }
}
