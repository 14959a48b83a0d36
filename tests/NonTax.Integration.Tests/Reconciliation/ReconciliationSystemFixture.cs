using NonTax.Integration.Tests.Edge;

namespace NonTax.Integration.Tests.Reconciliation;

/// <summary>
/// The whole system for reconciliation tests, with a cut-off late enough that the sweeper's own
/// tick never alerts a missing file while a test runs (the cut-off is exercised by calling it).
/// </summary>
public sealed class ReconciliationSystemFixture : EdgeSystemFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSiloSettings { get; } = new Dictionary<string, string?>
    {
        ["Reconciliation:CutOff"] = "23:59:59",
        ["Reconciliation:DifferencesPerMessage"] = "2",
    };
}
