using Microsoft.Extensions.Logging;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Bills;

/// <summary>A range of bill numbers; see <see cref="IBillRangeGrain"/>.</summary>
/// <remarks>
/// Invariants: a range in finance stock is wholly unused (NextUnused = First), because anything
/// that comes back from a unit is split off at the unit's watermark; the numbers of a range only
/// shrink from the top (a split keeps the head), so every number is always in exactly one range,
/// and the <c>bill_ranges</c> exclusion constraint refuses any write that would break that.
/// </remarks>
public sealed class BillRangeGrain(
    [PersistentState("billrange", StorageNames.Domain)] IPersistentState<BillRangeState> state,
    IBillRangeDirectory directory,
    TimeProvider clock,
    ILogger<BillRangeGrain> logger) : Grain, IBillRangeGrain
{
    /// <summary>Claim scope of a bill number: owned by the e-bill that uses it, or by a void.</summary>
    public const string NumberClaimScope = "billno";

    /// <summary>Owner of a voided number's claim.</summary>
    public const string VoidOwner = "void";

    private BillRangeState S => state.State;

    public static string NumberKey(string billCode, long number) => $"{billCode}-{number:D10}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A split committed before the silo went away: its tail still has to become a range.
        if (S.PendingSplit is not null)
        {
            await FinishSplitAsync();
        }
    }

    public Task<BillRangeView?> Get() => Task.FromResult(View());

    public async Task<BillStockResult> Receive(BillNumberRange range, BillMedium medium, string financeNode, string source, string operatorName)
    {
        if (range.Problem() is { } problem)
        {
            return Refuse(ResultCodes.MalformedField, problem);
        }

        if (range.GrainKey != this.GetPrimaryKeyString())
        {
            return Refuse(ResultCodes.MalformedField, $"range {range} does not start at {this.GetPrimaryKeyString()}");
        }

        if (S.Range is not null)
        {
            return S.Range.Last == range.Last && S.Medium == medium
                ? Ok("already received")
                : Refuse(ResultCodes.NotAllowed, $"a range starting at {range.First:D10} already exists: {S.Range}");
        }

        S.Range = range;
        S.Medium = medium;
        S.FinanceNode = financeNode;
        S.Holder = financeNode;
        S.HeldByUnit = false;
        S.NextUnused = range.First;
        await CommitMovementAsync("received", range.First, range.Last, source, financeNode, operatorName);
        return Ok($"received {range}");
    }

    public async Task<BillStockResult> Distribute(string unitCode, long? count, string operatorName)
    {
        if (S.Range is not { } range)
        {
            return NoRange();
        }

        if (S.HeldByUnit)
        {
            return Refuse(ResultCodes.NotAllowed, $"{range} is held by unit {S.Holder}; recall it first");
        }

        var wanted = count ?? range.Count;
        if (wanted < 1 || wanted > range.Count)
        {
            return Refuse(ResultCodes.MalformedField, $"count must be 1..{range.Count}");
        }

        var (head, tail) = range.SplitFirst(wanted);
        S.Range = head;
        S.Holder = unitCode;
        S.HeldByUnit = true;
        S.PendingSplit = tail is null ? null : new PendingSplit(tail, operatorName);
        await CommitMovementAsync("distributed", head.First, head.Last, S.FinanceNode, unitCode, operatorName);
        await FinishSplitAsync();
        return Ok($"distributed {head} to {unitCode}");
    }

    public Task<BillStockResult> Recall(string financeNode, string operatorName) =>
        TakeBackAsync("recalled", unitCode: null, financeNode, operatorName);

    public Task<BillStockResult> ReturnUnused(string unitCode, string financeNode, string operatorName) =>
        TakeBackAsync("returned", unitCode, financeNode, operatorName);

    public async Task<BillStockResult> TakeNext(string unitCode)
    {
        if (S.Range is not { } range)
        {
            return NoRange();
        }

        if (!S.HeldByUnit || S.Holder != unitCode)
        {
            return Refuse(ResultCodes.BillStockExhausted, $"{range} is not held by unit {unitCode}");
        }

        if (S.NextUnused > range.Last)
        {
            return Refuse(ResultCodes.BillStockExhausted, $"{range} is used up");
        }

        var number = S.NextUnused;
        S.NextUnused++;
        S.Version++;
        S.Journal.Record(BusinessFact.Create(NumberKey(range.BillCode, number), range.BillCode, clock.GetUtcNow(),
            new BillNumberTaken(range.BillCode, range.First, range.Last, S.Medium.ToString(), S.Holder, S.HeldByUnit, S.NextUnused, S.Voided,
                S.WrittenOffThrough, S.Version, number, unitCode)));
        await CommitAsync();
        return new BillStockResult(ResultCodes.Success, $"took {number:D10}", View(), number);
    }

    public async Task<BillStockResult> Void(string unitCode, long number, string reason, string operatorName)
    {
        if (S.Range is not { } range)
        {
            return NoRange();
        }

        if (!S.HeldByUnit || S.Holder != unitCode || number < range.First || number >= S.NextUnused)
        {
            return Refuse(ResultCodes.NotAllowed, $"{number:D10} was not taken by unit {unitCode} from {range}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refuse(ResultCodes.MalformedField, "a void needs a reason");
        }

        var row = await directory.NumberAsync(range.BillCode, number);
        if (row is { Status: not "taken" })
        {
            return Refuse(ResultCodes.NotAllowed, $"{number:D10} is already {row.Status}{(row.PayCode is null ? "" : " by notice " + row.PayCode)}");
        }

        S.Voided++;
        S.Version++;
        S.Journal.Claim(new UniqueClaim(NumberClaimScope, NumberKey(range.BillCode, number), VoidOwner));
        S.Journal.Record(BusinessFact.Create(NumberKey(range.BillCode, number), range.BillCode, clock.GetUtcNow(),
            new BillNumberVoided(range.BillCode, range.First, range.Last, S.Medium.ToString(), S.Holder, S.HeldByUnit, S.NextUnused, S.Voided,
                S.WrittenOffThrough, S.Version, number, unitCode, reason, operatorName)));
        try
        {
            await CommitAsync();
        }
        catch (Exception e) when (JournaledCommit.FindClaimConflict(e) is { } conflict)
        {
            return Refuse(ResultCodes.NotAllowed, $"{number:D10} is used by {conflict.ExistingOwner}");
        }

        return new BillStockResult(ResultCodes.Success, $"voided {number:D10}", View(), number);
    }

    public async Task<BillStockResult> ReturnVoided(long number, string operatorName)
    {
        if (S.Range is not { } range)
        {
            return NoRange();
        }

        var row = await directory.NumberAsync(range.BillCode, number);
        if (row is not { Status: "voided" })
        {
            return Refuse(ResultCodes.NotAllowed, $"{number:D10} is not a voided number of {range}");
        }

        if (row.ReturnedAt is not null)
        {
            return Ok($"{number:D10} was already returned");
        }

        S.Version++;
        S.Journal.Record(BusinessFact.Create(NumberKey(range.BillCode, number), range.BillCode, clock.GetUtcNow(),
            new BillVoidReturned(range.BillCode, range.First, range.Last, S.Medium.ToString(), S.Holder, S.HeldByUnit, S.NextUnused, S.Voided,
                S.WrittenOffThrough, S.Version, number, operatorName)));
        await CommitAsync();
        return new BillStockResult(ResultCodes.Success, $"voided {number:D10} returned", View(), number);
    }

    public async Task<BillStockResult> WriteOff(long throughNumber, string operatorName)
    {
        if (S.Range is not { } range)
        {
            return NoRange();
        }

        var from = Math.Max(range.First, S.WrittenOffThrough + 1);
        if (throughNumber < from || throughNumber >= S.NextUnused)
        {
            return Refuse(ResultCodes.NotAllowed, $"only taken numbers not yet written off ({from:D10}..{S.NextUnused - 1:D10}) can be written off");
        }

        S.WrittenOffThrough = throughNumber;
        await CommitMovementAsync("written_off", from, throughNumber, S.Holder, S.FinanceNode, operatorName);
        return Ok($"wrote off {from:D10}..{throughNumber:D10}");
    }

    public Task<bool> WasTakenBy(long number, string unitCode) =>
        Task.FromResult(S.Range is { } range && S.HeldByUnit && S.Holder == unitCode && number >= range.First && number < S.NextUnused);

    public async Task<BillStockResult> CreateSplit(BillNumberRange range, BillMedium medium, string financeNode, long splitFrom, string operatorName)
    {
        if (S.Range is not null)
        {
            return S.Range == range || S.Range.First == range.First ? Ok("already split") : Refuse(ResultCodes.NotAllowed, $"{S.Range} exists");
        }

        S.Range = range;
        S.Medium = medium;
        S.FinanceNode = financeNode;
        S.Holder = financeNode;
        S.HeldByUnit = false;
        S.NextUnused = range.First;
        await CommitMovementAsync("split", range.First, range.Last, NumberKey(range.BillCode, splitFrom), financeNode, operatorName);
        return Ok($"split {range} into stock");
    }

    private async Task<BillStockResult> TakeBackAsync(string movement, string? unitCode, string financeNode, string operatorName)
    {
        if (S.Range is not { } range)
        {
            return NoRange();
        }

        if (!S.HeldByUnit || (unitCode is not null && S.Holder != unitCode))
        {
            return Refuse(ResultCodes.NotAllowed, $"{range} is not held by {unitCode ?? "a unit"}");
        }

        if (S.NextUnused > range.Last)
        {
            return Refuse(ResultCodes.NotAllowed, $"{range} has no unused numbers");
        }

        var unit = S.Holder;
        var (from, to) = (S.NextUnused, range.Last);
        S.FinanceNode = financeNode;
        if (S.NextUnused == range.First)
        {
            S.Holder = financeNode;
            S.HeldByUnit = false;
        }
        else
        {
            // The taken head stays with the unit (its bills, voids and write-offs); the unused tail
            // becomes a range of its own in finance stock.
            var (head, tail) = range.SplitFirst(S.NextUnused - range.First);
            S.Range = head;
            S.PendingSplit = new PendingSplit(tail!, operatorName);
        }

        await CommitMovementAsync(movement, from, to, unit, financeNode, operatorName);
        await FinishSplitAsync();
        return Ok($"{movement} {from:D10}..{to:D10} from {unit}");
    }

    private async Task FinishSplitAsync()
    {
        if (S.PendingSplit is not { } split || S.Range is not { } range)
        {
            return;
        }

        try
        {
            var created = await GrainFactory.GetGrain<IBillRangeGrain>(split.Range.GrainKey)
                .CreateSplit(split.Range, S.Medium, S.FinanceNode, range.First, split.Operator);
            if (!created.Succeeded)
            {
                logger.LogError("Range {Range} could not create its split-off tail {Tail}: {Message}", range, split.Range, created.Message);
                return;
            }

            S.PendingSplit = null;
            await CommitAsync();
        }
        catch (Exception e)
        {
            // The pending split is stored; the next activation or movement creates it.
            logger.LogWarning(e, "Range {Range}: creating the split-off tail {Tail} failed; it is retried", range, split.Range);
        }
    }

    private Task CommitMovementAsync(string movement, long first, long last, string from, string to, string operatorName, string? note = null)
    {
        var range = S.Range!;
        S.Version++;
        S.Journal.Record(BusinessFact.Create($"{range.BillCode}-{range.First:D10}:{S.Version}", range.BillCode, clock.GetUtcNow(),
            new BillMoved(range.BillCode, range.First, range.Last, S.Medium.ToString(), S.Holder, S.HeldByUnit, S.NextUnused, S.Voided,
                S.WrittenOffThrough, S.Version, movement, first, last, from, to, operatorName, note)));
        return CommitAsync();
    }

    private Task CommitAsync() => state.CommitAsync(DeactivateOnIdle);

    private BillRangeView? View() => S.Range is not { } range
        ? null
        : new BillRangeView(range, S.Medium, S.Holder, S.HeldByUnit, S.NextUnused, S.Voided, S.WrittenOffThrough, S.Version);

    private BillStockResult Ok(string message) => new(ResultCodes.Success, message, View());

    private BillStockResult Refuse(string code, string message) => new(code, message, View());

    private BillStockResult NoRange() => new(ResultCodes.NotAllowed, $"no bill range starts at {this.GetPrimaryKeyString()}");
}
