using NonTax.Protocol.Vouchers;

namespace NonTax.Protocol.Envelope;

/// <summary>
/// One <c>MOF/VoucherBody</c>: its four attributes and the decoded voucher. Real peers omit the
/// attributes; they then read as empty strings. We always write them.
/// </summary>
/// <param name="AdmDivCode">Region (区划).</param>
/// <param name="StYear">Budget year.</param>
/// <param name="VtCode">Voucher type, usually the MsgNo.</param>
/// <param name="VoucherNo">Voucher number (often the business number or payment code).</param>
/// <param name="Voucher">The business fields.</param>
public sealed record VoucherBody(string AdmDivCode, string StYear, string VtCode, string VoucherNo, Voucher Voucher)
{
    /// <summary>True when the peer sent all four attributes.</summary>
    public bool HasAttributes => AdmDivCode.Length > 0 || StYear.Length > 0 || VtCode.Length > 0 || VoucherNo.Length > 0;
}
