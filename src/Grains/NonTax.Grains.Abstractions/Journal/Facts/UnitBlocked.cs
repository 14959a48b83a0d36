namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>unit.blocked: monitoring blocked a collecting unit that exceeded a limit.</summary>
public sealed record UnitBlocked(
    string UnitCode,
    string Reason,
    DateOnly Date,
    string Operator) : IFact
{
    public static string Kind => "unit.blocked";
}
