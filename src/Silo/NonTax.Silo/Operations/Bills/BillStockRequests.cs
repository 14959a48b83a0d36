namespace NonTax.Silo.Operations.Bills;

/// <summary>A range received from the higher level (入库): medium "Electronic" or "Paper", where it came from.</summary>
public sealed record BillReceiptRequest(string? BillCode, long First, long Last, string? Medium, string? Source);

/// <summary>Distribute the first <see cref="Count"/> numbers of a range (all when null) to a unit.</summary>
public sealed record BillDistributionRequest(string? UnitCode, long? Count);

/// <summary>A unit acting on its own stock: return the unused part, take a number.</summary>
public sealed record BillUnitRequest(string? UnitCode);

/// <summary>A unit voids a taken number, with a reason.</summary>
public sealed record BillVoidRequest(string? UnitCode, long Number, string? Reason);

/// <summary>Check off taken numbers up to <see cref="Through"/>.</summary>
public sealed record BillWriteOffRequest(long Through);
