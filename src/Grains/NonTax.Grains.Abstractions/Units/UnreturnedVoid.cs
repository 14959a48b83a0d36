namespace NonTax.Grains.Abstractions.Units;

/// <summary>A voided paper bill (作废纸质票据) not handed back to finance: "{code}-{number}" and the China date it was voided.</summary>
public sealed record UnreturnedVoid(string Bill, DateOnly VoidedOn);
