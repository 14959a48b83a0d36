namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>alert.acknowledged: a person took an alert on; its SMS not yet sent are no longer sent.</summary>
public sealed record AlertAcknowledged(string AlertId, string AcknowledgedBy) : IFact
{
    public static string Kind => "alert.acknowledged";
}
