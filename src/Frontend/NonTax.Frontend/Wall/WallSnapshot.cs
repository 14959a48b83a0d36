namespace NonTax.Frontend.Wall;

/// <summary>What the monitoring wall shows, as of <see cref="AsOf"/>; sent whole to every screen on each change.</summary>
public sealed record WallSnapshot(
    DateTimeOffset AsOf,
    IReadOnlyList<WallMinute> PaymentsPerMinute,
    IReadOnlyList<WallTotal> TodayByBank,
    IReadOnlyList<WallTotal> TodayByChannel,
    int TodayCount,
    decimal TodayAmount,
    IReadOnlyList<WallAlert> OpenAlerts);

/// <summary>Accepted payments (revenue) recorded in one minute (CST).</summary>
public sealed record WallMinute(string Minute, int Count, decimal Amount);

/// <summary>Today's accepted payments of one bank or channel.</summary>
public sealed record WallTotal(string Key, int Count, decimal Amount);

public sealed record WallAlert(string Kind, string Subject, string What, DateTimeOffset RaisedAt);
