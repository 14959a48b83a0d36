using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Vouchers.Collection;

namespace NonTax.SocketEdge.Handlers;

/// <summary>Maps a notice as the grains hold it to the 5603 / 5997 / 5698 voucher shape.</summary>
public static class NoticeWire
{
    public static NoticeDetails ToDetails(NoticeAsOf notice, string askingNode)
    {
        // IsInterBank tells the asking bank whether the payee account is at that bank (0) or another (1).
        var askingBank = askingNode.Length >= 4 ? askingNode[^4..] : string.Empty;
        var isInterBank = askingBank == notice.Payee.BankCode ? 0 : 1;
        var payInfo = PayInfo.Format(notice.Lines.Select(l => new PayInfoLine(
            string.IsNullOrEmpty(l.ItemCode) ? l.NationalItemCode : l.ItemCode,
            l.ItemName,
            l.Amount,
            l.UnitOfMeasure,
            l.Quantity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(l.Standard) ? "不限制" : "标准",
            l.Standard)));
        return new NoticeDetails(
            notice.RegionCode,
            notice.PayCode,
            notice.IssueDate,
            notice.UnitCode,
            notice.UnitName,
            notice.Payer.Name,
            notice.Payer.Account ?? string.Empty,
            notice.Payer.Bank ?? string.Empty,
            notice.AmountDue,
            notice.NoticeAmount,
            notice.LateFee,
            (int)notice.Status,
            notice.Payee.AccountType,
            notice.Payee.Name,
            notice.Payee.AccountNo,
            notice.Payee.BankName,
            isInterBank,
            payInfo,
            notice.Memo ?? string.Empty,
            notice.Payee.BankCode,
            string.Empty);
    }
}
