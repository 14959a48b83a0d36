namespace NonTax.Grains.Abstractions.Bills;

/// <summary>
/// A contiguous run of bill numbers (号段) of one bill code, both ends inclusive. Bill codes are
/// 8 digits and numbers 10 digits (docs/architecture.md "Bill stock"). Pure arithmetic, so the
/// rules that keep stock consistent (split, merge, overlap) are tested as properties.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BillNumberRange(
    [property: Id(0)] string BillCode,
    [property: Id(1)] long First,
    [property: Id(2)] long Last)
{
    /// <summary>Largest bill number (10 digits).</summary>
    public const long MaxNumber = 9_999_999_999;

    public long Count => Last - First + 1;

    public bool Contains(long number) => number >= First && number <= Last;

    public bool Overlaps(BillNumberRange other) =>
        other.BillCode == BillCode && other.First <= Last && First <= other.Last;

    /// <summary>The two ranges are of one code and touch end to start (in either order).</summary>
    public bool IsAdjacentTo(BillNumberRange other) =>
        other.BillCode == BillCode && (other.First == Last + 1 || First == other.Last + 1);

    /// <summary>
    /// Splits off the first <paramref name="count"/> numbers: the head keeps this range's first
    /// number, the tail (null when nothing is left) starts right after it.
    /// </summary>
    public (BillNumberRange Head, BillNumberRange? Tail) SplitFirst(long count)
    {
        if (count < 1 || count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"must be 1..{Count}");
        }

        return count == Count
            ? (this, null)
            : (this with { Last = First + count - 1 }, this with { First = First + count });
    }

    /// <summary>One range covering both; they must be adjacent.</summary>
    public BillNumberRange Merge(BillNumberRange other)
    {
        if (!IsAdjacentTo(other))
        {
            throw new ArgumentException("Only adjacent ranges of one bill code merge.", nameof(other));
        }

        return new BillNumberRange(BillCode, Math.Min(First, other.First), Math.Max(Last, other.Last));
    }

    /// <summary>The grain key of the range that starts at <see cref="First"/>: "{code}-{first:D10}".</summary>
    public string GrainKey => KeyOf(BillCode, First);

    public static string KeyOf(string billCode, long first) => $"{billCode}-{first:D10}";

    /// <summary>Null when the range is well formed, else why not.</summary>
    public string? Problem()
    {
        if (BillCode is not { Length: 8 } || !BillCode.All(char.IsAsciiDigit))
        {
            return "bill code must be 8 digits";
        }

        if (First < 1 || Last > MaxNumber || First > Last)
        {
            return $"numbers must satisfy 1 <= first <= last <= {MaxNumber}";
        }

        return null;
    }

    public override string ToString() => $"{BillCode} {First:D10}-{Last:D10}";
}
