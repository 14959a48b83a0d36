namespace NonTax.Frontend.Notices;

/// <summary>Search criteria of the notice list; every field optional.</summary>
public sealed record NoticeFilter(string? UnitCode = null, string? PayCode = null, string? PayerName = null, string? Status = null, DateOnly? From = null, DateOnly? To = null, int Limit = 100);
