namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// Direct debit numbers (DebitNo): "A" + the 20-digit payment code + the notice's debit sequence
/// in two digits, so a 2607 finds its notice without a lookup table.
/// </summary>
public static class DirectDebitNumbers
{
    public const char Prefix = 'A';

    /// <summary>The PayMode a debited payment is confirmed with (ours: 07 划缴/代扣).</summary>
    public const string PayMode = "07";

    public static string For(string payCode, int sequence) => $"{Prefix}{payCode}{sequence:D2}";

    public static bool IsWellFormed(string? debitNo) =>
        debitNo is { Length: 23 } && debitNo[0] == Prefix && !debitNo.AsSpan(1).ContainsAnyExceptInRange('0', '9');

    public static string PayCodeOf(string debitNo) => debitNo.Substring(1, 20);
}
