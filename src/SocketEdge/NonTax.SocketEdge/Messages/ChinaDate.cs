namespace NonTax.SocketEdge.Messages;

/// <summary>Business dates are China Standard Time (UTC+8, no daylight saving) whatever the server's zone.</summary>
public static class ChinaDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}
