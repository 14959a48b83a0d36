namespace NonTax.Frontend.Notices;

/// <summary>What became of one spreadsheet row: issued with a payment code, or refused with the reason.</summary>
public sealed record ImportRowReport(int Row, string? PayerName, bool Issued, string? PayCode, string? CheckCode, string? Error);
