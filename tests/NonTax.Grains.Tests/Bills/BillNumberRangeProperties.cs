using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.Bills;

namespace NonTax.Grains.Tests.Bills;

/// <summary>Range arithmetic: splitting and merging keep every number exactly once.</summary>
public sealed class BillNumberRangeProperties
{
    private static Arbitrary<BillNumberRange> Ranges() =>
        (from first in Gen.Choose(1, 1_000_000)
         from length in Gen.Choose(1, 500)
         select new BillNumberRange("32010126", first, (long)first + length - 1))
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Split_then_merge_is_the_original_and_the_parts_do_not_overlap() =>
        Prop.ForAll(Ranges(), Gen.Choose(1, 500).ToArbitrary(), (range, k) =>
        {
            var count = Math.Min(k, range.Count);
            var (head, tail) = range.SplitFirst(count);
            if (tail is null)
            {
                return head == range && count == range.Count;
            }

            return head.First == range.First && head.Count == count && tail.Last == range.Last
                && head.Count + tail.Count == range.Count && !head.Overlaps(tail) && head.IsAdjacentTo(tail)
                && head.Merge(tail) == range && tail.Merge(head) == range;
        });

    [Property(MaxTest = 200)]
    public Property Repeated_splits_partition_the_range_no_number_twice() =>
        Prop.ForAll(Ranges(), Gen.Choose(1, 60).ArrayOf().ToArbitrary(), (range, cuts) =>
        {
            var parts = new List<BillNumberRange>();
            BillNumberRange? rest = range;
            foreach (var cut in cuts)
            {
                if (rest is null)
                {
                    break;
                }

                var (head, tail) = rest.SplitFirst(Math.Min(cut, rest.Count));
                parts.Add(head);
                rest = tail;
            }

            if (rest is not null)
            {
                parts.Add(rest);
            }

            var numbers = parts.SelectMany(p => Enumerable.Range(0, (int)p.Count).Select(i => p.First + i)).ToList();
            var pairwiseDisjoint = parts.SelectMany((a, i) => parts.Skip(i + 1).Select(b => !a.Overlaps(b))).All(x => x);
            return pairwiseDisjoint && numbers.Count == range.Count && numbers.Distinct().Count() == numbers.Count
                && numbers.Min() == range.First && numbers.Max() == range.Last;
        });

    [Property(MaxTest = 300)]
    public Property Overlap_is_symmetric_and_matches_shared_numbers() =>
        Prop.ForAll(Ranges(), Ranges(), (a, b) =>
        {
            var shared = Math.Max(a.First, b.First) <= Math.Min(a.Last, b.Last);
            return a.Overlaps(b) == b.Overlaps(a) && a.Overlaps(b) == shared && !(a.IsAdjacentTo(b) && shared);
        });

    [Fact]
    public void Other_codes_never_overlap_and_bad_ranges_are_named()
    {
        var a = new BillNumberRange("32010126", 1, 100);
        Assert.False(a.Overlaps(a with { BillCode = "32010127" }));
        Assert.NotNull(new BillNumberRange("3201012", 1, 2).Problem());
        Assert.NotNull(new BillNumberRange("32010126", 5, 4).Problem());
        Assert.NotNull(new BillNumberRange("32010126", 0, 4).Problem());
        Assert.NotNull(new BillNumberRange("32010126", 1, 10_000_000_000).Problem());
        Assert.Null(a.Problem());
        Assert.Throws<ArgumentOutOfRangeException>(() => a.SplitFirst(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.SplitFirst(101));
        Assert.Equal("32010126-0000000001", a.GrainKey);
    }
}
