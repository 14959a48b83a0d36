using System.Globalization;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Units;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 8982 → 5982: the signed e-bill file (Invoicefiledata, base64 of the UTF-8 XML) of bill code
/// BillTypeCode and number BillNo, for a unit the system acts for; CrcCode, when given, must be the
/// bill's check code (10007 otherwise).
/// </summary>
public sealed class EBillDownloadHandler(IEBillArchive archive) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.EBillDownload];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (!EBillDownload.Parse(request.Envelope.First.Voucher).TryGetValue(out var download, out var error))
        {
            return Reply(error.ResultCode, error.Information);
        }

        if (download.BillNo.Length != 10 || !long.TryParse(download.BillNo, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Reply(ResultCodes.MalformedField, "BillNo: the 10-digit bill number");
        }

        var bill = await archive.FindAsync(download.BillTypeCode, number, cancellationToken);
        if (bill is null || !request.Peer.MayActFor(bill.UnitCode))
        {
            // A bill of a unit the system does not act for is answered like one that does not exist.
            return Reply(ResultCodes.NotAllowed, $"no e-bill {download.BillTypeCode}-{download.BillNo} of a unit {request.Peer.NodeCode} acts for");
        }

        if (download.CrcCode.Length > 0 && download.CrcCode != bill.CheckCode)
        {
            return Reply(ResultCodes.WrongCheckCode, "CrcCode is not the bill's check code");
        }

        return new HandlerOutcome(MsgNos.EBillDownloadReply,
            [new EBillDownloadReply(ResultCodes.Success, "成功", TradeId: bill.Key, InvoiceFileData: Convert.ToBase64String(bill.Document)).ToVoucher()],
            ResultCodes.Success);
    }

    private static HandlerOutcome Reply(string result, string message) =>
        new(MsgNos.EBillDownloadReply, [new EBillDownloadReply(result, message.Length > 500 ? message[..500] : message).ToVoucher()], result);
}
