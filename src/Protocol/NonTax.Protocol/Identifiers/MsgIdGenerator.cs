using System.Globalization;
using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Identifiers;

/// <summary>
/// Time-ordered 20-digit MsgIDs unique across processes: <c>yyMMddHHmmss</c> (China Standard
/// Time) + a 3-digit node discriminator + a 5-digit counter within the second. Each process must
/// use its own discriminator (e.g. silo ordinal). More than 100 000 ids in one second borrow the
/// next second, and a clock stepping back never reuses a second already used, so ids never repeat
/// and never go backwards within a process. Thread-safe.
/// </summary>
public sealed class MsgIdGenerator
{
    /// <summary>Number of digits in every generated id.</summary>
    public const int Length = 20;

    /// <summary>Exclusive upper bound of the node discriminator.</summary>
    public const int MaxDiscriminator = 1000;

    private const int CounterLimit = 100_000;

    private readonly TimeProvider _clock;
    private readonly string _discriminator;
    private readonly Lock _gate = new();
    private DateTime _second = DateTime.MinValue;
    private int _counter;

    /// <param name="clock">Time source (use <see cref="TimeProvider.System"/> in production).</param>
    /// <param name="nodeDiscriminator">0–999, unique among the processes that send with the same node code.</param>
    public MsgIdGenerator(TimeProvider clock, int nodeDiscriminator)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeDiscriminator);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(nodeDiscriminator, MaxDiscriminator);
        _clock = clock;
        _discriminator = nodeDiscriminator.ToString("000", CultureInfo.InvariantCulture);
    }

    /// <summary>The next id.</summary>
    public string Next()
    {
        var now = WireTime.ToChinaTime(_clock.GetUtcNow()).DateTime;
        var second = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Unspecified);
        lock (_gate)
        {
            if (second > _second)
            {
                _second = second;
                _counter = 0;
            }
            else if (++_counter == CounterLimit)
            {
                _second = _second.AddSeconds(1);
                _counter = 0;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{_second:yyMMddHHmmss}{_discriminator}{_counter:00000}");
        }
    }
}
