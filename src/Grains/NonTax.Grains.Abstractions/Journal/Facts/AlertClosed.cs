namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>alert.closed: a person closed an alert (resolved, or nothing to do), saying how.</summary>
public sealed record AlertClosed(string AlertId, string ClosedBy, string Note) : IFact
{
    public static string Kind => "alert.closed";
}
