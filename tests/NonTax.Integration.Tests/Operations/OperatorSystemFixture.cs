using NonTax.Integration.Tests.Edge;

namespace NonTax.Integration.Tests.Operations;

/// <summary>The whole system with bank links giving up after 2 s, so a message to a peer whose server is down soon turns dead.</summary>
public sealed class OperatorSystemFixture : EdgeSystemFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSiloSettings { get; } = new Dictionary<string, string?>
    {
        ["BankLink:DeadAfter"] = "00:00:02",
    };
}
