using System.Globalization;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2612 payment confirmation → 5001. The notice grain decides (first confirmation wins, 10006 for a
/// duplicate with its technical refund queued, 10005/10003/10004 refusals, 20003 for a reused
/// TraNoBus) and has persisted the outcome before it answers, so the reply is final.
/// </summary>
public sealed class PaymentConfirmationHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.PaymentConfirmation];

    /// <summary>The grain finds a confirmation again by (bank, TraNoBus) and answers what it stored.</summary>
    public bool IsIdempotent => true;

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<PaymentConfirmation>(out var wire, out var refusal))
        {
            return refusal;
        }

        var confirmation = new ConfirmedPayment(
            wire.PayCode,
            request.Peer.NodeCode,
            wire.TraNoBus,
            wire.CfmDate,
            wire.CfmTime.ToString("HHmmss", CultureInfo.InvariantCulture),
            wire.Amt,
            wire.PayMode.ToString("D2", CultureInfo.InvariantCulture),
            wire.PayerName,
            wire.BankOutlet,
            wire.Operator,
            wire.PayerAcct,
            wire.PayerOpBk,
            wire.PayerOpBkNo,
            wire.RecAcctType.ToString(CultureInfo.InvariantCulture),
            wire.RecAcct);
        var outcome = await grains.GetGrain<IPaymentNoticeGrain>(wire.PayCode).Confirm(confirmation);
        var information = outcome.Information ?? (outcome.IsDuplicate ? $"duplicate payment; technical refund {outcome.RefundNo} started" : string.Empty);
        return HandlerOutcome.Generic(msgNo, outcome.ResultCode, information);
    }
}
