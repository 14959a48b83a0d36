using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.MoneyFlow;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2614 clearing result → 5001. The ClearNo names the (bank, day) grain that sent the 5614, which
/// checks the sender and the rows against what it instructed and records the result once.
/// </summary>
public sealed class ClearingResultHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.ClearingResult];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<ClearingResult>(out var result, out var refusal))
        {
            return refusal;
        }

        if (IClearingDayGrain.KeyOfClearNo(result.ClearNo) is not { } key)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, "ClearNo: not a clearing this finance node instructed");
        }

        var outcome = new ClearingOutcome(result.ClearNo, result.Result, result.ExecDate, result.Information,
            [.. result.Details.Select(d => new ClearingOutcome.Row(d.LineNo, d.Result, d.Amt, d.TraNo))]);
        var (code, information) = await grains.GetGrain<IClearingDayGrain>(key).RecordResult(outcome, request.Peer.NodeCode, request.Head.MsgId);
        return HandlerOutcome.Generic(msgNo, code, information);
    }
}
