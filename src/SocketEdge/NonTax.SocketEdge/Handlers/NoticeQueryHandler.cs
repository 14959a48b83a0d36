using System.Globalization;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2601 (bank) → 5603 and 8997 (unit system) → 5997: the notice with the amount due today
/// (China time), or 5001 with the refusal (10001 unknown, 10004 expired, 10007 wrong check code).
/// A unit system may only see notices of the units it acts for.
/// </summary>
public sealed class NoticeQueryHandler(IGrainFactory grains, TimeProvider time) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.NoticeQuery, MsgNos.UnitNoticeQuery];

    /// <summary>A read.</summary>
    public bool IsIdempotent => true;

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<NoticeQuery>(out var query, out var refusal))
        {
            return refusal;
        }

        var quote = await grains.GetGrain<IPaymentNoticeGrain>(query.PayCode)
            .Query(ChinaTime.Today(time), string.IsNullOrEmpty(query.Hold1) ? null : query.Hold1);
        if (quote.ResultCode != ResultCodes.Success || quote.Notice is null)
        {
            return HandlerOutcome.Generic(msgNo, quote.ResultCode, Describe(quote.ResultCode));
        }

        var notice = quote.Notice;
        if (msgNo == MsgNos.UnitNoticeQuery && !request.Peer.MayActFor(notice.UnitCode))
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.NotAllowed, $"{request.Peer.NodeCode} does not act for unit {notice.UnitCode}");
        }

        var details = NoticeWire.ToDetails(notice, request.Peer.NodeCode);
        var replyMsgNo = msgNo == MsgNos.NoticeQuery ? MsgNos.NoticeDetails : MsgNos.UnitNoticeDetails;
        return new HandlerOutcome(replyMsgNo, [details.ToVoucher()], ResultCodes.Success);
    }

    private static string Describe(string result) => result switch
    {
        ResultCodes.UnknownPayCode => "payment code unknown",
        ResultCodes.NoticeExpired => "notice expired",
        ResultCodes.WrongCheckCode => "check code wrong",
        _ => string.Create(CultureInfo.InvariantCulture, $"refused {result}"),
    };
}
