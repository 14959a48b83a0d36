namespace NonTax.Integration.Tests.Faults;

/// <summary>One scheduled fault: which, on which process (by number), and the seconds of load after it before the next.</summary>
public sealed record ScheduledFault(FaultKind Kind, int Target, TimeSpan Window);

/// <summary>
/// A fault schedule drawn from a seed: the same seed gives the same faults, targets and windows,
/// so a failing run repeats with <c>--seed</c>. Every kind appears once in each round of six (in a
/// seeded order) so a schedule of six or more covers them all; the quick form takes the kinds it is given.
/// </summary>
public static class FaultSchedule
{
    public static IReadOnlyList<ScheduledFault> Draw(int seed, int count, IReadOnlyList<FaultKind> kinds, int silos, int edges, TimeSpan window)
    {
        var random = new Random(seed);
        var faults = new List<ScheduledFault>();
        while (faults.Count < count)
        {
            var round = kinds.OrderBy(_ => random.Next()).ToList();
            foreach (var kind in round.Take(count - faults.Count))
            {
                var target = kind switch
                {
                    FaultKind.KillEdge => 1 + random.Next(edges),
                    FaultKind.RestartPostgres or FaultKind.AddSilo => 0,
                    _ => 1 + random.Next(silos),
                };
                // ±25 % around the window, so faults do not fall into a rhythm with the load.
                var seconds = window.TotalSeconds * (0.75 + random.NextDouble() / 2);
                faults.Add(new ScheduledFault(kind, target, TimeSpan.FromSeconds(Math.Round(seconds))));
            }
        }

        return faults;
    }
}
