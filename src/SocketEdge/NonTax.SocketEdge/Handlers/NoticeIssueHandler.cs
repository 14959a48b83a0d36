using System.Globalization;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 8994 from a unit's own system: issue a notice with the payment code the unit supplies (input
/// mode), or void one it issued (PayStats 2). The platform may only act for its bound units.
/// Success answers 5001 with the payment page URL in Information.
/// </summary>
public sealed class NoticeIssueHandler(IGrainFactory grains, IOptions<EdgeOptions> options) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.NoticeIssue];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!request.TryParseVoucher<NoticeIssue>(out var wire, out var refusal))
        {
            return refusal;
        }

        if (!request.Peer.MayActFor(wire.ChgAgenCode))
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.NotAllowed, $"{request.Peer.NodeCode} does not act for unit {wire.ChgAgenCode}");
        }

        var unit = grains.GetGrain<ICollectingUnitGrain>(wire.ChgAgenCode);
        if (wire.PayStats == NoticeIssue.Void)
        {
            var voided = await unit.VoidNotice(wire.PayCode, wire.OperatorName.Length > 0 ? wire.OperatorName : request.Peer.NodeCode, "voided by the unit's system (8994 PayStats 2)");
            return HandlerOutcome.Generic(msgNo, voided, voided == ResultCodes.Success ? "notice voided" : $"refused {voided}");
        }

        if (!PayInfo.Parse(wire.PayInfo).TryGetValue(out var lines, out var payInfoError))
        {
            return HandlerOutcome.Generic(msgNo, payInfoError.ResultCode, payInfoError.Information);
        }

        if (lines.Count == 0 || !PayInfo.AddsUpTo(lines, wire.OriAmt))
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.ItemLinesMismatch, "PayInfo: item lines do not add up to OriAmt");
        }

        var requests = new List<NoticeLineRequest>();
        foreach (var line in lines)
        {
            if (!decimal.TryParse(line.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
            {
                return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, $"PayInfo: quantity '{line.Quantity}' of item {line.ItemCode} is not a positive number");
            }

            requests.Add(new NoticeLineRequest(line.ItemCode, line.Amount, quantity));
        }

        var payer = new Payer(
            wire.PayerName,
            PayerTypeOf(wire.PayerCreditCode),
            Blank(wire.PayerAcct),
            Blank(wire.PayerOpBk),
            Blank(wire.MobilePhone),
            Blank(wire.PayerCreditCode));
        var draft = new NoticeDraft(payer, wire.OriAmt, requests, wire.OperatorName.Length > 0 ? wire.OperatorName : request.Peer.NodeCode, Blank(wire.Memo), wire.WantsPaymentConfirmation, request.Peer.NodeCode);
        // Straight to the unit's issuing worker on this client's gateway silo: issues spread over silos.
        var issued = await grains.GetGrain<IUnitIssuingGrain>(wire.ChgAgenCode).IssueWithCode(wire.PayCode, draft);
        var information = issued.Succeeded
            ? options.Value.PaymentPageUrl.Replace("{payCode}", wire.PayCode, StringComparison.Ordinal)
            : issued.Information ?? $"refused {issued.ResultCode}";
        return HandlerOutcome.Generic(msgNo, issued.ResultCode, information);
    }

    /// <summary>An 18-character unified social credit code starting with a letter or 9 belongs to an organisation; ID numbers are people.</summary>
    private static int PayerTypeOf(string creditCode) =>
        creditCode.Length == 18 && (char.IsAsciiLetterUpper(creditCode[0]) || creditCode[0] == '9') ? 2 : 1;

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
