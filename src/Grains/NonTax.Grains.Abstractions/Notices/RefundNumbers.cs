namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// Technical refund numbers (RefundNo): "T", the 20-digit payment code, then the notice's refund
/// sequence in two digits. The notice grain numbers its refunds; the edge finds the notice of a
/// 5617 answer from the number, so both read the format here.
/// </summary>
public static class RefundNumbers
{
    /// <summary>The number of the notice's <paramref name="sequence"/>-th refund (from 1).</summary>
    public static string For(string payCode, int sequence) => $"T{payCode}{sequence:D2}";

    /// <summary>The payment code a refund number belongs to.</summary>
    public static string PayCodeOf(string refundNo) => refundNo.Substring(1, 20);
}
