using System.Globalization;
using System.Text;

namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// What a fault run found: one row per fault window, and the checks over the whole run (money,
/// outbound deliveries, reminders). <see cref="Problems"/> is empty when every promise held.
/// </summary>
public sealed record FaultReport(
    int Seed,
    IReadOnlyList<FaultWindow> Windows,
    decimal Revenue,
    decimal TechnicalRefunds,
    decimal Taken,
    int RefundsDelivered,
    int RefundsExpected,
    int UnitConfirmationsDelivered,
    int UnitConfirmationsExpected,
    IReadOnlyList<string> Problems)
{
    public bool Held => Problems.Count == 0 && Windows.All(w => w.Held);

    public string ToTable()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"fault run, seed {Seed} (repeat: --seed {Seed})");
        text.AppendLine("| fault | at (s) | requests | acknowledged | unanswered | lost | duplicated | max latency (ms) | slowest | held |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var w in Windows)
        {
            text.AppendLine(c, $"| {w.Fault} | {w.AtSeconds:F0} | {w.Requests} | {w.Acknowledged} | {w.Unanswered} | {w.Lost} | {w.Duplicated} | {w.MaxLatencyMs:F0} | {w.Slowest} | {(w.Held ? "yes" : "NO")} |");
        }

        text.AppendLine(c, $"money: revenue {Revenue:F2} + technical refunds {TechnicalRefunds:F2} = {Revenue + TechnicalRefunds:F2}; taken by banks {Taken:F2}");
        text.AppendLine(c, $"5617 refunds delivered exactly once: {RefundsDelivered}/{RefundsExpected}; 5996 unit confirmations delivered exactly once after the unit refused them through every fault (link reminders resumed): {UnitConfirmationsDelivered}/{UnitConfirmationsExpected}");
        foreach (var problem in Problems.Take(30))
        {
            text.AppendLine("PROBLEM: " + problem);
        }

        text.AppendLine(Held ? "held: yes" : "held: NO");
        return text.ToString();
    }
}
