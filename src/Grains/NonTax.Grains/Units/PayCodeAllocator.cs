using NonTax.Grains.Abstractions.Codes;

namespace NonTax.Grains.Units;

/// <summary>
/// Allocates a unit's payment codes from blocks of sequence numbers. The unit's state durably
/// records how far sequences are reserved; numbers inside a reserved block are handed out from
/// memory, and a new activation (after a crash, a silo restart or a move to another silo) starts
/// at the end of the last reserved block. So no code repeats, and no grain but the unit itself is
/// involved: there is no central counter. Codes are unique across units because each unit of a
/// region has its own 2-digit issuer number.
/// </summary>
internal sealed class PayCodeAllocator(IPersistentState<CollectingUnitState> persisted, int blockSize)
{
    private long _next = persisted.State.ReservedUpTo;
    private int _year = persisted.State.AllocationYear;

    // Read through each time: a failed write reloads the state object, and then the reservation
    // it held is gone, so the check below asks for a new one.
    private CollectingUnitState State => persisted.State;

    /// <summary>True when the next code needs a new block reserved (and persisted) first.</summary>
    public bool NeedsReservation(int year) => year != State.AllocationYear || _next >= State.ReservedUpTo;

    /// <summary>Moves the reservation in state; the caller persists it before using <see cref="Next"/>.</summary>
    public void Reserve(int year)
    {
        if (year != _year)
        {
            _year = year;
            _next = 1;
        }

        State.AllocationYear = year;
        State.ReservedUpTo = _next + blockSize;
    }

    public PayCode Next(string regionCode, int issuer) => PayCode.Compose(regionCode, _year, issuer, _next++);
}
