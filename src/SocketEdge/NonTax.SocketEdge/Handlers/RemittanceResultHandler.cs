using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.MoneyFlow;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2618 remittance result → 5001. The RemitNo names the (bank, day) grain that sent the 5618
/// (a direct RemitNo names the day, the reporting bank completes the key), which checks the
/// sender, type and amount against the recorded instruction and records the result once.
/// </summary>
public sealed class RemittanceResultHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.RemittanceResult];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<RemittanceResult>(out var result, out var refusal))
        {
            return refusal;
        }

        if (IRemittanceDayGrain.KeyOfRemitNo(result.RemitNo, request.Peer.NodeCode) is not { } key)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, "RemitNo: not a remittance this finance node instructed");
        }

        var outcome = new RemittanceOutcome(result.RemitNo, result.RemitType, result.Result, result.RemitDate, result.AllAmt, result.TraNo, result.Information);
        var (code, information) = await grains.GetGrain<IRemittanceDayGrain>(key).RecordResult(outcome, request.Peer.NodeCode, request.Head.MsgId);
        return HandlerOutcome.Generic(msgNo, code, information);
    }
}
