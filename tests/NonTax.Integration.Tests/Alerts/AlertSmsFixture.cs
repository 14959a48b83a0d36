using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Alerts;

/// <summary>
/// The whole system with the SMS gateway pointed at a <see cref="FakeSmsGateway"/>, a duty roster
/// of two people on duty all day, failed messages due again at once, and refunds stuck after 2 s.
/// </summary>
public sealed class AlertSmsFixture : EdgeSystemFixture, IDisposable
{
    public const string DutyPhone = "13800000001";
    public const string FinancePhone = "13800000002";

    public FakeSmsGateway Gateway { get; } = new(FullSilo.FreePort());

    protected override IReadOnlyDictionary<string, string?> ExtraSiloSettings => new Dictionary<string, string?>
    {
        ["Sms:Url"] = Gateway.Url,
        ["Sms:Account"] = "nontax",
        ["Sms:Password"] = "test-only",
        ["Sms:Retries"] = "1",
        ["Sms:RetryDelay"] = "00:00:00.010",
        ["Alerts:RetryAfter"] = "00:00:00",
        ["Alerts:MaxAttempts"] = "10",
        ["Alerts:Routes:refund"] = "finance",
        ["Alerts:Roster:0:Name"] = "值班长",
        ["Alerts:Roster:0:Phone"] = DutyPhone,
        ["Alerts:Roster:0:Role"] = "duty",
        ["Alerts:Roster:0:MinSeverity"] = "Notice",
        ["Alerts:Roster:1:Name"] = "财务科",
        ["Alerts:Roster:1:Phone"] = FinancePhone,
        ["Alerts:Roster:1:Role"] = "finance",
        ["Refunds:StuckAfter"] = "00:00:02",
    };

    public void Dispose() => Gateway.Dispose();
}
