namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>unit.unblocked: a blocked unit was released, by monitoring or by staff.</summary>
public sealed record UnitUnblocked(
    string UnitCode,
    string Reason,
    string? PreviousReason,
    DateOnly Date,
    string Operator) : IFact
{
    public static string Kind => "unit.unblocked";
}
