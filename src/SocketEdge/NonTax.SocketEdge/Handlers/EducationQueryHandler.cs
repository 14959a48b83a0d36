using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.SocketEdge.Messages;
using Npgsql;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2698 (banks only) → 5698: every notice of a payer, found by credit code or else by mobile
/// phone, that is unpaid and still payable today (China time), with the amount due today. The
/// <c>notices</c> projection names the candidates; each notice grain then confirms it is open and
/// gives the live amount. Any failure is answered 5698 with 99999 and no bills.
/// </summary>
public sealed class EducationQueryHandler(
    IGrainFactory grains,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    IOptions<EdgeOptions> options,
    ILogger<EducationQueryHandler> logger) : IMessageHandler
{
    private readonly UnpaidNoticesOfPayer _unpaidNotices = new(dataSource);

    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.EducationQuery];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (!EducationQuery.Parse(request.Envelope.First.Voucher).TryGetValue(out var query, out var error))
        {
            logger.LogInformation("2698 from {Peer} refused: {Error}", request.Peer.NodeCode, error.Information);
            return Reply(ResultCodes.GeneralFailure, []);
        }

        try
        {
            var today = ChinaTime.Today(time);
            var payCodes = await _unpaidNotices.FindAsync(query.PayerCreditCode, query.MobilePhone, today, cancellationToken);
            var quotes = await Task.WhenAll(payCodes.Select(code => grains.GetGrain<IPaymentNoticeGrain>(code).Query(today)));
            var bills = quotes
                .Where(q => q is { ResultCode: ResultCodes.Success, Notice: { Status: NoticeStatus.Unpaid, IsExpired: false } })
                .Select(q => NoticeWire.ToDetails(q.Notice!, request.Peer.NodeCode))
                .ToArray();
            return Reply(ResultCodes.Success, bills);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "2698 from {Peer} failed", request.Peer.NodeCode);
            return Reply(ResultCodes.GeneralFailure, []);
        }
    }

    private HandlerOutcome Reply(string result, IReadOnlyList<NoticeDetails> bills)
    {
        // AdmDivCode is the region of this finance node (its code without the leading F).
        var region = options.Value.FinanceNode.Length > 1 ? options.Value.FinanceNode[1..] : string.Empty;
        var reply = new EducationReply(result, region, bills);
        return new HandlerOutcome(MsgNos.EducationReply, [reply.ToVoucher()], result);
    }
}
