using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2613 transfers, 2615 arrivals, 2616 virtual-account arrivals and 2619 late in-transit
/// arrivals → 5001. Every voucher of the message is checked before anything is recorded; the
/// rows then go to the bank's <see cref="IAccountMovementsGrain"/> in one write, so a message is
/// recorded whole or refused whole, and a resend counts nothing twice.
/// </summary>
public sealed class MoneyMovementHandler(IGrainFactory grains) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } =
        [MsgNos.InterBankTransfer, MsgNos.Arrival, MsgNos.VirtualAccountArrival, MsgNos.LateInTransit];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        var movements = new List<AccountMovement>();
        foreach (var body in request.Envelope.Vouchers)
        {
            var parsed = Movements(msgNo, body.Voucher);
            if (parsed.Error is { } error)
            {
                return HandlerOutcome.Generic(msgNo, error.ResultCode, error.Information);
            }

            movements.AddRange(parsed.Value!);
        }

        var duplicate = movements.GroupBy(m => m.ReferenceNo, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, $"TraNo: {duplicate.Key} appears in more than one voucher");
        }

        var result = await grains.GetGrain<IAccountMovementsGrain>(request.Peer.NodeCode).Record(movements, request.Head.MsgId);
        return HandlerOutcome.Generic(msgNo, result, result == ResultCodes.Success
            ? $"{movements.Count} movements recorded"
            : "a TraNo of this message was reported before for a different account, direction, amount or day; nothing recorded");
    }

    private static ProtocolResult<IReadOnlyList<AccountMovement>> Movements(string msgNo, Voucher voucher) => msgNo switch
    {
        MsgNos.InterBankTransfer => Map(InterBankTransfer.Parse(voucher), v => (v.Details.Select(d => new AccountMovement(
            msgNo, d.TraNo, 0, d.PayAcct, v.TraDate, MovementDirections.Out, d.Amt, MovementKinds.Transfer, d.RecAcct, Blank(d.ClearNo))))),
        MsgNos.Arrival => Map(Arrival.Parse(voucher), v => (v.Details.Select(d => new AccountMovement(
            msgNo, d.TraNo, 0, d.RecAcct, v.ArrDate, MovementDirections.In, d.Amt, MovementKinds.Arrival, Blank(d.PayAcct),
            Blank(d.ClearNo) ?? Blank(d.OriTraNo))))),
        MsgNos.VirtualAccountArrival => Map(VirtualAccountArrival.Parse(voucher), v => (v.Details.Select(d => new AccountMovement(
            msgNo, d.TraNo, 0, d.RecAcct, v.ArrDate, MovementDirections.In, d.Amt, MovementKinds.VirtualArrival, Blank(d.PayAcct),
            d.VirtualAcct, Blank(d.PayCode))))),
        _ => Map(LateInTransitArrival.Parse(voucher), v => (v.Details.Select(d => new AccountMovement(
            msgNo, d.TraNo, 0, d.RecAcct, v.ArrDate, MovementDirections.In, d.Amt, MovementKinds.LateArrival, null,
            Blank(d.OriTraNo), Blank(d.PayCode), v.OriChkDate)))),
    };

    private static ProtocolResult<IReadOnlyList<AccountMovement>> Map<T>(ProtocolResult<T> parsed, Func<T, IEnumerable<AccountMovement>> rows) =>
        parsed.TryGetValue(out var voucher, out var error)
            ? ProtocolResult<IReadOnlyList<AccountMovement>>.Success([.. rows(voucher)])
            : error;

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
