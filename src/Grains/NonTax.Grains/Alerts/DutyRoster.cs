using System.Globalization;
using NonTax.Grains.Abstractions.Alerts;

namespace NonTax.Grains.Alerts;

/// <summary>
/// Who gets an alert's SMS: the people of the role its kind routes to who are on duty at that time
/// and take alerts of its severity; when none is, the default role's people of that severity at
/// any hour, so an alert is never sent to nobody while anyone could take it. Pure, so the rules are
/// tested without a cluster.
/// </summary>
internal static class DutyRoster
{
    public static string RoleOf(AlertDispatchOptions options, string kind)
    {
        string? best = null;
        foreach (var prefix in options.Routes.Keys)
        {
            if ((kind == prefix || kind.StartsWith(prefix + ".", StringComparison.Ordinal)) && (best is null || prefix.Length > best.Length))
            {
                best = prefix;
            }
        }

        return best is null ? options.DefaultRole : options.Routes[best];
    }

    public static IReadOnlyList<SmsMessage> MessagesFor(AlertDispatchOptions options, OpenAlert alert, DateTimeOffset chinaNow)
    {
        var role = RoleOf(options, alert.Kind);
        var time = TimeOnly.FromDateTime(chinaNow.DateTime);
        var takers = options.Roster.Where(e => e.Phone.Length > 0 && alert.Severity >= e.MinSeverity).ToList();
        var chosen = takers.Where(e => e.Role == role && e.IsOnDutyAt(time)).ToList();
        if (chosen.Count == 0)
        {
            chosen = takers.Where(e => e.Role == options.DefaultRole).ToList();
        }

        var body = Render(options.Template, alert);
        return [.. chosen
            .DistinctBy(e => e.Phone)
            .Select(e => new SmsMessage(alert.AlertId, e.Phone, e.Name, e.Role, body))];
    }

    public static string Render(string template, OpenAlert alert) => template
        .Replace("{severity}", SeverityText(alert.Severity), StringComparison.Ordinal)
        .Replace("{kind}", alert.Kind, StringComparison.Ordinal)
        .Replace("{subject}", alert.Subject, StringComparison.Ordinal)
        .Replace("{what}", alert.What, StringComparison.Ordinal)
        .Replace("{why}", alert.Why ?? "", StringComparison.Ordinal)
        .Replace("{time}", alert.RaisedAt.ToOffset(TimeSpan.FromHours(8)).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string SeverityText(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "紧急",
        AlertSeverity.Warning => "警告",
        _ => "提示",
    };
}
