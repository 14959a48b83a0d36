namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>A clock tests move by hand; shared by every silo of the test cluster.</summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    // 2026-03-02 10:00 CST, a Monday.
    private DateTimeOffset _now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static ManualClock Shared { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
