using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Alerts;

namespace NonTax.Grains.Tests.Alerts;

public sealed class DutyRosterTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static AlertDispatchOptions Options() => new()
    {
        Routes = new() { ["reconciliation"] = "reconciliation", ["refund"] = "finance", ["reconciliation.missing-file"] = "bank-liaison" },
        DefaultRole = "duty",
        Roster =
        [
            new DutyEntry { Name = "白班对账", Phone = "13800000001", Role = "reconciliation", From = new(8, 30), To = new(17, 30) },
            new DutyEntry { Name = "夜班对账", Phone = "13800000002", Role = "reconciliation", From = new(17, 30), To = new(8, 30), MinSeverity = AlertSeverity.Critical },
            new DutyEntry { Name = "财务", Phone = "13800000003", Role = "finance" },
            new DutyEntry { Name = "值班长", Phone = "13800000004", Role = "duty", MinSeverity = AlertSeverity.Notice },
            new DutyEntry { Name = "值班长(重复)", Phone = "13800000004", Role = "duty" },
        ],
    };

    private static OpenAlert Alert(string kind, AlertSeverity severity) =>
        new("alert.raised:x", kind, "D3206820105", "对账差异 2 笔", null, severity, new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), IsOpen: true);

    private static string[] Phones(string kind, AlertSeverity severity, int hour, int minute = 0) =>
        [.. DutyRoster.MessagesFor(Options(), Alert(kind, severity), new DateTimeOffset(2026, 12, 1, hour, minute, 0, China)).Select(m => m.Phone)];

    [Theory]
    [InlineData("reconciliation.difference", "reconciliation")]
    [InlineData("reconciliation", "reconciliation")]
    [InlineData("reconciliation.missing-file", "bank-liaison")]
    [InlineData("reconciliations.other", "duty")]
    [InlineData("refund.stuck", "finance")]
    [InlineData("outbound.dead", "duty")]
    public void A_kind_routes_to_the_role_of_its_longest_dotted_prefix(string kind, string role) =>
        Assert.Equal(role, DutyRoster.RoleOf(Options(), kind));

    [Fact]
    public void The_people_on_duty_at_that_hour_get_it_and_a_span_may_cross_midnight()
    {
        Assert.Equal(["13800000001"], Phones("reconciliation.difference", AlertSeverity.Critical, 8, 30));
        Assert.Equal(["13800000001"], Phones("reconciliation.difference", AlertSeverity.Warning, 17, 29));
        Assert.Equal(["13800000002"], Phones("reconciliation.difference", AlertSeverity.Critical, 23));
        Assert.Equal(["13800000002"], Phones("reconciliation.difference", AlertSeverity.Critical, 3));
    }

    [Fact]
    public void When_nobody_of_the_role_takes_it_the_default_role_does_once_per_phone()
    {
        // At night a warning is below the night shift's threshold: the duty lead gets it, once.
        Assert.Equal(["13800000004"], Phones("reconciliation.difference", AlertSeverity.Warning, 23));
        Assert.Equal(["13800000004"], Phones("outbound.dead", AlertSeverity.Notice, 12));
        Assert.Equal(["13800000003"], Phones("refund.stuck", AlertSeverity.Warning, 12));
    }

    [Fact]
    public void The_text_comes_from_the_template()
    {
        var options = Options();
        options.Template = "{severity}|{kind}|{subject}|{what}|{time}";
        var message = DutyRoster.MessagesFor(options, Alert("refund.stuck", AlertSeverity.Critical), DateTimeOffset.UtcNow).Single();

        Assert.Equal("紧急|refund.stuck|D3206820105|对账差异 2 笔|12-01 09:00", message.Body);
        Assert.Equal("alert.raised:x|13800000003", message.Key);
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(7, 3600)]
    [InlineData(30, 3600)]
    public void Retries_wait_longer_each_time_up_to_the_cap(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AlertDispatcherGrain.RetryAfter(new AlertDispatchOptions(), failedAttempts));
}
