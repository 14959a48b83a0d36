namespace NonTax.Protocol.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving) — the zone of every business date, whatever
/// the server's own zone. A fixed offset is used rather than the tz database so hosts without
/// "Asia/Shanghai" still agree.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => ToBusinessDate(clock.GetUtcNow());

    public static DateOnly ToBusinessDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a CST business date begins.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    public static string ToYyyyMmDd(DateOnly date) => date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
