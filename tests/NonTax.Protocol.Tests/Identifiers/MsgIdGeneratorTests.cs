using NonTax.Protocol.Identifiers;

namespace NonTax.Protocol.Tests.Identifiers;

public class MsgIdGeneratorTests
{
    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Start = new(2025, 11, 1, 16, 0, 5, TimeSpan.Zero);

    [Fact]
    public void Is_twenty_digits_starting_with_china_standard_time()
    {
        var id = new MsgIdGenerator(new SettableClock(Start), 7).Next();

        Assert.Equal("25110200000500700000", id); // 16:00:05 UTC is 00:00:05 CST the next day
        Assert.Equal(MsgIdGenerator.Length, id.Length);
    }

    [Fact]
    public void Stays_unique_and_increasing_past_the_counter_limit_and_when_the_clock_steps_back()
    {
        var clock = new SettableClock(Start);
        var generator = new MsgIdGenerator(clock, 1);
        var ids = new List<string>();
        for (var i = 0; i < 150_000; i++)
        {
            ids.Add(generator.Next());
        }

        clock.Now = Start.AddMinutes(-5);
        ids.Add(generator.Next());

        Assert.True(ids.Zip(ids.Skip(1)).All(pair => string.CompareOrdinal(pair.First, pair.Second) < 0));
        Assert.All(ids, id => Assert.Equal(20, id.Length));
    }

    [Fact]
    public void Different_discriminators_never_collide()
    {
        var clock = new SettableClock(Start);
        var a = new MsgIdGenerator(clock, 1);
        var b = new MsgIdGenerator(clock, 2);

        var ids = Enumerable.Range(0, 1000).SelectMany(_ => new[] { a.Next(), b.Next() }).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Refuses_a_discriminator_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsgIdGenerator(TimeProvider.System, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsgIdGenerator(TimeProvider.System, -1));
    }
}
