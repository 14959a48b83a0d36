namespace NonTax.EBills.Document;

/// <summary>The identifiers the Header derives from the bill code and number.</summary>
public static class EInvoiceIds
{
    /// <summary>"CZ-EI-" + the supervising region (the bill code's first two digits).</summary>
    public static string Tag(string billCode) => "CZ-EI-" + billCode[..2];

    /// <summary>"{code}-{number}" reversed character by character (19 characters).</summary>
    public static string Id(string billCode, string billNumber)
    {
        var chars = $"{billCode}-{billNumber}".ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
