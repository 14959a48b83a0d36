using NonTax.Grains.Abstractions.Bills;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Units;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 8999 → 5001: the unit's next unused e-bill number of bill code BillTypeCode from its stock
/// (Information = the 10-digit number), or 18030 when it has none left. A unit system takes numbers
/// only for the units it acts for.
/// </summary>
public sealed class BillNumberHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.BillNumberRequest];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<BillNumberRequest>(out var ask, out var refusal))
        {
            return refusal;
        }

        if (!request.Peer.MayActFor(ask.ChgAgenCode))
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.NotAllowed, $"{request.Peer.NodeCode} does not act for unit {ask.ChgAgenCode}");
        }

        if (ask.BillTypeCode.Length != 8 || !ask.BillTypeCode.All(char.IsAsciiDigit))
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, "BillTypeCode: the 8-digit bill code");
        }

        var taken = await grains.GetGrain<IBillCodeGrain>(ask.BillTypeCode).TakeNext(ask.ChgAgenCode);
        return taken.Succeeded && taken.Number is { } number
            ? HandlerOutcome.Generic(msgNo, ResultCodes.Success, number.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))
            : HandlerOutcome.Generic(msgNo, taken.Code, taken.Message);
    }
}
