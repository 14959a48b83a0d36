using System.Diagnostics;
using NonTax.BankSimulator.Load;

namespace NonTax.BankSimulator.Tests.Load;

public sealed class OpenLoopClockTests
{
    [Fact]
    public async Task Due_times_count_from_when_the_run_clock_started_not_from_when_the_loop_starts()
    {
        var before = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var after = Stopwatch.GetTimestamp();
        // The loop starting late (a JIT compile, a busy machine) must not move the schedule.
        await Task.Delay(50);

        var started = LoadRunner.StartedAt(clock);

        // Two clock reads inside StartedAt differ by a few hundred nanoseconds; 50 ms is the error it fixes.
        var slack = Stopwatch.Frequency / 1000;
        Assert.InRange(started, before - slack, after + slack);
    }
}
