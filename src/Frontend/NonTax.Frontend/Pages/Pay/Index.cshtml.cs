using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Payment;
using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Frontend.Pages.Pay;

/// <summary>
/// The payer's page (no sign-in) behind the link every 8994 reply hands out: what a notice asks
/// for today, late fee included, and its status. It shows no personal data (no payer name, ID or
/// phone) — only what anyone holding the code may know — and checks the 验证码 when one is typed;
/// with the right 验证码 a paid notice also lists its e-bills to download.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(NoticeDesk desk, PaymentQrCode qr, PayerEBills eBills) : PageModel
{
    public string? Code { get; private set; }
    public string? Check { get; private set; }
    public NoticeAsOf? Notice { get; private set; }
    public string? Error { get; private set; }
    public string? QrDataUri { get; private set; }

    /// <summary>The notice's e-bills, shown only to whoever typed the notice's 验证码.</summary>
    public IReadOnlyList<NonTax.Grains.Abstractions.EBills.StoredEBill> EBills { get; private set; } = [];

    public string StatusKey => Notice?.Status switch
    {
        NoticeStatus.Paid => "paid",
        NoticeStatus.Void => "void",
        _ => "unpaid",
    };

    public string StatusText => Notice switch
    {
        { Status: NoticeStatus.Paid } => "已缴款",
        { Status: NoticeStatus.Void } => "已作废",
        { IsExpired: true } => "已过期",
        _ => "待缴款",
    };

    public async Task OnGetAsync(string? code, string? check)
    {
        Code = code?.Trim();
        Check = string.IsNullOrWhiteSpace(check) ? null : check.Trim();
        if (string.IsNullOrEmpty(Code))
        {
            return;
        }

        if (!PayCode.IsWellFormed(Code))
        {
            Error = "缴款识别码应为20位数字";
            return;
        }

        var quote = await desk.QuoteAsync(Code, Check);
        switch (quote.ResultCode)
        {
            case ResultCodes.UnknownPayCode:
                Error = "未找到该缴款识别码";
                return;
            case ResultCodes.WrongCheckCode:
                Error = "验证码不正确";
                return;
        }

        if (quote.Notice is null)
        {
            Error = "暂时无法查询，请稍后再试";
            return;
        }

        Notice = quote.Notice;
        if (Check is not null && Notice.Status == NoticeStatus.Paid)
        {
            EBills = await eBills.ForNoticeAsync(Code, HttpContext.RequestAborted);
        }

        QrDataUri = qr.DataUri(qr.LinkFor(Request, Code));
    }
}
