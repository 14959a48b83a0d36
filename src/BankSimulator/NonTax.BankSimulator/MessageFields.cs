using System.Globalization;

namespace NonTax.BankSimulator;

/// <summary>
/// The field lists a unit system and a bank counter send, shared by the single-shot verbs and
/// the load mode so both speak exactly the same messages.
/// </summary>
public static class MessageFields
{
    /// <summary>The sandbox fiscal account notices are paid into.</summary>
    public const string SandboxRecAcct = "32001647236051117660";

    /// <summary>What an 8994 says about the notice to issue.</summary>
    public sealed record NoticeToIssue(string PayCode, string Unit, string UnitName, string Amount, string Item, string ItemName, string Payer = "张三", string Mobile = "13800000000", string Hold1 = "");

    /// <summary>8994 issue fields (input mode: the unit supplies the payment code).</summary>
    public static IReadOnlyList<(string Name, string Value)> Issue(string region, DateOnly today, NoticeToIssue notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return
        [
            ("AdmDivCode", region), ("PayCode", notice.PayCode), ("BillDate", today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            ("ChgAgenCode", notice.Unit), ("ChgAgenName", notice.UnitName),
            ("PayerName", notice.Payer), ("PayerAcct", string.Empty), ("PayerOpBk", string.Empty),
            ("Amt", notice.Amount), ("OriAmt", notice.Amount), ("DelayAmt", "0.00"), ("PayStats", "0"), ("RecAcctType", "1"),
            ("RecName", "如皋市财政局"), ("RecAcct", SandboxRecAcct), ("RecAcctReal", string.Empty), ("RecOpBk", "中国建设银行如皋支行"),
            ("RecBankNo", "105306282013"), ("IsInterBank", "0"),
            ("PayInfo", $"{notice.Item}|{notice.ItemName}|{notice.Amount}|次|1|不限制|0.0-0.0#"),
            ("Memo", "simulator"), ("CrcCode", string.Empty), ("MobilePhone", notice.Mobile),
            ("PayerCreditCode", string.Empty), ("RecCreditCode", string.Empty), ("OperatorCode", "sim"), ("OperatorName", "simulator"),
            ("Hold1", notice.Hold1), ("Hold2", string.Empty),
        ];
    }

    /// <summary>2601 query fields.</summary>
    public static IReadOnlyList<(string Name, string Value)> Query(string payCode, string? checkCode = null) =>
        [("PayCode", payCode), ("PayMode", "02"), ("Hold1", checkCode ?? string.Empty), ("Hold2", string.Empty)];

    /// <summary>What a bank's counter knows when it sends a 2612.</summary>
    public sealed record Payment(string PayCode, string Amount, string TraNoBus, string PayerName, string RecAcctType, string RecAcct, string PayMode = "02");

    /// <summary>2612 confirmation fields as the counter of <paramref name="bank"/> sends them.</summary>
    public static IReadOnlyList<(string Name, string Value)> Confirmation(SimulatorPeer bank, Payment payment, DateTimeOffset chinaNow)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(payment);
        return
        [
            ("PayCode", payment.PayCode),
            ("CfmDate", chinaNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            ("CfmTime", chinaNow.ToString("HHmmss", CultureInfo.InvariantCulture)),
            ("Amt", payment.Amount),
            ("BankOutlet", bank.NodeCode[^4..] + "001"),
            ("Operator", "柜员01"),
            ("PayMode", payment.PayMode),
            ("TraNoBus", payment.TraNoBus),
            ("PayerName", payment.PayerName),
            ("PayerAcct", "6228480000000000001"),
            ("PayerOpBk", bank.Name),
            ("PayerOpBkNo", bank.NodeCode[^4..].PadLeft(12, '0')),
            ("RecAcctType", payment.RecAcctType),
            ("RecAcct", payment.RecAcct),
            ("Hold1", string.Empty),
            ("Hold2", string.Empty),
        ];
    }
}
