using System.Globalization;
using System.Security.Cryptography;
using NonTax.Integration.Tests.Edge;

using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Projection;

/// <summary>Issues sandbox tuition notices (education bureau, any amount) through the unit platform (8994) with the payer the test chooses.</summary>
internal static class NoticeIssuing
{
    public const string UnitPlatform = "K3206820001";
    public const string Unit = "0201001";
    public const string Item = "103050101";

    public static string NewPayCode() =>
        TestPayCodes.New("99");

    public static string NewMobile() => "139" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An 18-character organisation credit code (starts with 9), unique per call.</summary>
    public static string NewCreditCode() => "91320682" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "X";

    public static async Task<string> IssueAsync(EdgeSystemFixture system, string mobile, string creditCode = "", string amount = "80.00", string payer = "张三")
    {
        var payCode = NewPayCode();
        var today = system.Finance.Today();
        var fields = new List<(string Name, string Value)>
        {
            ("AdmDivCode", "320682"), ("PayCode", payCode), ("BillDate", today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            ("ChgAgenCode", Unit), ("ChgAgenName", "如皋市教育局"),
            ("PayerName", payer), ("PayerAcct", string.Empty), ("PayerOpBk", string.Empty),
            ("Amt", amount), ("OriAmt", amount), ("DelayAmt", "0.00"), ("PayStats", "0"), ("RecAcctType", "1"),
            ("RecName", "如皋市财政局"), ("RecAcct", "32001647236051117660"), ("RecAcctReal", string.Empty), ("RecOpBk", "中国建设银行如皋支行"),
            ("RecBankNo", "105306282013"), ("IsInterBank", "0"),
            ("PayInfo", $"{Item}|学费|{amount}|学期|1|不限制|0.0-0.0#"),
            ("Memo", "projection test"), ("CrcCode", string.Empty), ("MobilePhone", mobile),
            ("PayerCreditCode", creditCode), ("RecCreditCode", string.Empty), ("OperatorCode", "t01"), ("OperatorName", "tester"),
            ("Hold1", string.Empty), ("Hold2", string.Empty),
        };
        var reply = await system.Finance.SendAsync(system.Peer(UnitPlatform), "8994", fields);
        Assert.Equal("00000", reply.ReplyField("Result"));
        return payCode;
    }
}
