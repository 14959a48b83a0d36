using FsCheck;
using FsCheck.Fluent;
using NonTax.Protocol.Security;
using NonTax.Protocol.Vouchers.BaseData;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.Protocol.Vouchers.Common;
using NonTax.Protocol.Vouchers.Reconciliation;
using NonTax.Protocol.Vouchers.Units;

namespace NonTax.Protocol.Tests.Support;

/// <summary>Generators of values that satisfy the field tables, for round-trip properties.</summary>
internal static class Generators
{
    private const string AsciiAlphabet = "ABCXYZabcxyz0123456789-_.:/@ <>&\"'";
    private const string ChineseAlphabet = "不动产登记费次限制江苏省财政局张三李四王五收缴银行";

    public static Gen<string> Digits(int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), length)
        select new string(chars);

    /// <summary>Printable ASCII without leading/trailing spaces (readers trim element text).</summary>
    public static Gen<string> Ascii(int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(AsciiAlphabet.ToCharArray()), length)
        let text = new string(chars).Trim()
        where text.Length >= min
        select text;

    /// <summary>Mixed Chinese/ASCII text whose GBK byte length is within [min, max].</summary>
    public static Gen<string> GbText(int minBytes, int maxBytes) =>
        from length in Gen.Choose(minBytes, Math.Max(minBytes, maxBytes / 2))
        from chars in Gen.ArrayOf(Gen.Elements((ChineseAlphabet + AsciiAlphabet).ToCharArray()), length)
        let text = new string(chars).Trim()
        where NonTax.Protocol.Text.Gbk.ByteCount(text) is var n && n >= minBytes && n <= maxBytes
        select text;

    public static Gen<decimal> Amount =>
        from cents in Gen.Choose(0, int.MaxValue)
        from scale in Gen.Elements(1L, 1000L, 1_000_000L)
        select cents * scale / 100m;

    public static Gen<DateOnly> Date =>
        Gen.Choose(0, 36_500).Select(days => new DateOnly(2000, 1, 1).AddDays(days));

    public static Gen<TimeOnly> Time =>
        Gen.Choose(0, 86_399).Select(seconds => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)));

    public static Gen<string> Token =>
        Gen.ArrayOf(Gen.Choose('!', '~').Select(c => (char)c), TokenCipher.TokenLength).Select(c => new string(c));

    public static Gen<PayInfoLine> PayInfoLine =>
        from code in Digits(9, 9)
        from name in GbText(1, 40)
        from amount in Amount
        select new PayInfoLine(code, name.Replace("|", "").Replace("#", ""), amount, "次", "1", "不限制", "0.0-0.0");

    public static Gen<PaymentConfirmation> PaymentConfirmation =>
        from payCode in Digits(20, 20)
        from date in Date
        from time in Time
        from amt in Amount
        from outlet in Ascii(1, 20)
        from op in GbText(1, 20)
        from payMode in Gen.Elements(1, 2, 11, 13, 51, 99)
        from traNo in Ascii(1, 50)
        from payer in GbText(1, 100)
        from payerAcct in Ascii(0, 50)
        from recType in Gen.Choose(1, 9)
        from recAcct in Ascii(1, 50)
        from hold1 in GbText(0, 100)
        select new PaymentConfirmation(payCode, date, time, amt, outlet, op, payMode, traNo, payer, payerAcct, "", "", recType, recAcct, hold1, "");

    public static Gen<NoticeDetails> NoticeDetails =>
        from payCode in Digits(20, 20)
        from billDate in Date
        from unit in Ascii(1, 30)
        from unitName in GbText(1, 100)
        from payer in GbText(1, 100)
        from ori in Amount
        from delay in Amount
        from payStats in Gen.Choose(0, 2)
        from recType in Gen.Choose(1, 9)
        from recName in GbText(1, 100)
        from recAcct in Ascii(1, 50)
        from lines in Gen.ListOf(PayInfoLine, 3)
        from memo in GbText(0, 200)
        select new NoticeDetails("320682", payCode, billDate, unit, unitName, payer, "", "", ori + delay, ori, delay, payStats, recType,
            recName, recAcct, "中国银行如皋支行", 1, PayInfo.Format(lines), memo, "104100000004", "");

    public static Gen<NoticeIssue> NoticeIssue =>
        from details in NoticeDetails
        from payStats in Gen.Elements(0, 2)
        from mobile in Digits(11, 11)
        select new NoticeIssue(details.AdmDivCode, details.PayCode, details.BillDate, details.ChgAgenCode, details.ChgAgenName,
            details.PayerName, "", "", details.Amt, details.OriAmt, details.DelayAmt, payStats, details.RecAcctType, details.RecName,
            details.RecAcct, "", details.RecOpBk, "104100000004", 0, details.PayInfo, details.Memo, "", mobile, "91320682MA1XXXXX0X",
            "", "op01", "张三", "Y", "");

    public static Gen<RefundInstruction> RefundInstruction =>
        from refundNo in Ascii(1, 30)
        from type in Gen.Elements(1, 2)
        from payCode in Digits(20, 20)
        from traNo in Ascii(1, 50)
        from date in Date
        from amt in Amount
        from payer in GbText(1, 100)
        from reason in GbText(0, 200)
        select new RefundInstruction(refundNo, type, payCode, traNo, date, amt, payer, "6222000011112222", "", reason);

    public static Gen<GenericReply> GenericReply =>
        from msgNo in Digits(4, 4)
        from result in Gen.Elements("00000", "10001", "18012", "20001", "99999")
        from info in GbText(0, 1000)
        select new GenericReply(msgNo, result, info);

    public static Gen<TransactionReconciliation> TransactionReconciliation =>
        from date in Date
        from details in Gen.ListOf(
            from payCode in Digits(20, 20)
            from traNo in Ascii(1, 50)
            from d in Date
            from t in Time
            from amt in Amount
            from mode in Gen.Elements(1, 13, 51)
            select new TransactionReconciliation.Detail(payCode, traNo, d, t, amt, mode))
        from batch in Gen.Elements<long?>(null, 1, 2)
        select new TransactionReconciliation(date, "0105", details.Count, details.Sum(d => d.Amt), details.ToArray(), batch, batch is null ? null : 2);

    public static Gen<TransactionReconciliationResult> TransactionReconciliationResult =>
        from date in Date
        from diffs in Gen.ListOf(
            from payCode in Digits(20, 20)
            from type in Gen.Choose(1, 4)
            from bankValue in GbText(0, 50)
            select new TransactionReconciliationResult.Diff(payCode, "T1", type, type == 4 ? "PayMode" : "", bankValue, ""))
        from matched in Amount
        select new TransactionReconciliationResult(date, "0105", diffs.Count == 0 ? "00000" : "30001", 7, matched, diffs.ToArray());

    public static Gen<EducationReply> EducationReply =>
        from bills in Gen.ListOf(NoticeDetails, 2)
        select new EducationReply("00000", "320682", bills.ToArray());

    public static Gen<AccountRefresh> AccountRefresh =>
        from seq in Gen.Choose(1, int.MaxValue)
        from accounts in Gen.ListOf(
            from acct in Digits(10, 30)
            from name in GbText(1, 100)
            from type in Gen.Choose(1, 9)
            from status in Gen.Elements(0, 1)
            select new AccountRefresh.Account(acct, name, type, "0105", "建设银行", status))
        select new AccountRefresh(seq, accounts.ToArray());

    public static Gen<TokenChange> TokenChange =>
        from newToken in Token
        from oldToken in Token
        select NonTax.Protocol.Vouchers.Common.TokenChange.Create(newToken, oldToken);

    public static Gen<EBillExchange> EBillExchange =>
        from payCode in Digits(20, 20)
        from billNo in Digits(10, 10)
        from payload in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
        from time in Date
        from withKey in Gen.Elements(true, false)
        select new EBillExchange(payCode, billNo, "320682", "32010120", "江苏省非税收入通用票据", "01", "电子", "1.0",
            Convert.ToBase64String(payload.Append((byte)1).ToArray()), "", "", "",
            new EBillExchange.SignInfo(Convert.ToBase64String(new byte[] { 1, 2, 3 }), "DETACH", "SM2",
                new DateTimeOffset(time.ToDateTime(new TimeOnly(9, 30, 0)), TimeSpan.FromHours(8)),
                withKey ? new EBillExchange.KeyInfo("1234", "CN=测试CA") : null),
            withKey ? null : new EBillExchange.RecipientAddress("a@b.cn", "13800000000"));
}
