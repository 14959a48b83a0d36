namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// One item line of a notice's <c>PayInfo</c>: national item code | item name | amount | unit |
/// quantity | standard type | standard (e.g. <c>103043211|不动产登记费|80.0|次|1|不限制|0.0-0.0</c>).
/// </summary>
public sealed record PayInfoLine(
    string ItemCode,
    string ItemName,
    decimal Amount,
    string Unit,
    string Quantity,
    string StandardType,
    string Standard);
