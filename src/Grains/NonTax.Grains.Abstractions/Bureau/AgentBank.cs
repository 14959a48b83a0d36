namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>An agent bank (代理银行) at this node: node code D + region(6) + bank(4).</summary>
[GenerateSerializer, Immutable]
public sealed record AgentBank(
    [property: Id(0)] string NodeCode,
    [property: Id(1)] string BankCode,
    [property: Id(2)] string Name);
