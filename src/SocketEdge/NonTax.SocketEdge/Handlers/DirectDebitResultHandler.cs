using System.Globalization;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2607 direct debit result → 5001. The DebitNo ("A" + payment code + sequence) names the notice;
/// a debited result is confirmed by the notice like a 2612 from that bank, so the answer is the
/// confirmation's (00000, 10006 duplicate with a technical refund started, 10003/10004/10005 the
/// bank must reverse, 20003 a reused TraNoBus).
/// </summary>
public sealed class DirectDebitResultHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.DirectDebitResult];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<DirectDebitResult>(out var wire, out var refusal))
        {
            return refusal;
        }

        if (!DirectDebitNumbers.IsWellFormed(wire.DebitNo) || DirectDebitNumbers.PayCodeOf(wire.DebitNo) != wire.PayCode)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, "DebitNo: not a direct debit this finance node instructed for PayCode");
        }

        var outcome = await grains.GetGrain<IPaymentNoticeGrain>(wire.PayCode).CompleteDirectDebit(new DirectDebitReport(
            wire.DebitNo,
            request.Peer.NodeCode,
            wire.Result,
            wire.Amt,
            wire.DebitDate,
            wire.DebitTime.ToString("HHmmss", CultureInfo.InvariantCulture),
            wire.TraNoBus,
            wire.BankOutlet,
            string.IsNullOrEmpty(wire.Information) ? null : wire.Information));
        var information = outcome.Information
            ?? (outcome.IsDuplicate ? $"duplicate payment; technical refund {outcome.RefundNo} started"
                : wire.Succeeded ? "direct debit confirmed" : "direct debit failure recorded");
        return HandlerOutcome.Generic(msgNo, outcome.ResultCode, information);
    }
}
