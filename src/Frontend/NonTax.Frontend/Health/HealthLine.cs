namespace NonTax.Frontend.Health;

/// <summary>One line of the health page: what was asked, whether it answered healthy, and what it said.</summary>
public sealed record HealthLine(string Part, string Name, bool Healthy, string Detail);
