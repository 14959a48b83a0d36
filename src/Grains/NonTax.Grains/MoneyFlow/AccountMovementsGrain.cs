using Microsoft.Extensions.Logging;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// One bank's reported money movements. Each movement is a fact (projected to
/// <c>account_movements</c>) plus a unique claim on its business key owned by its fingerprint
/// (account, direction, amount, day), all in one write: a resend finds its own claims and facts
/// already there and adds nothing; a key reused for a different movement fails the whole write.
/// </summary>
public sealed class AccountMovementsGrain(
    [PersistentState("account-movements", StorageNames.Domain)] IPersistentState<AccountMovementsState> state,
    TimeProvider time,
    ILogger<AccountMovementsGrain> logger) : Grain, IAccountMovementsGrain
{
    /// <summary>Claim scope of movement keys; the key is <c>{bank}/{msgNo}/{referenceNo}/{lineNo}</c>.</summary>
    internal const string ClaimScope = "movement";

    private string BankNode => this.GetPrimaryKeyString();

    public async Task<string> Record(IReadOnlyList<AccountMovement> movements, string msgId)
    {
        if (movements.Count == 0)
        {
            return ResultCodes.Success;
        }

        var now = time.GetUtcNow();
        foreach (var m in movements)
        {
            var key = $"{BankNode}/{m.MsgNo}/{m.ReferenceNo}/{m.LineNo}";
            state.State.Journal.Claim(new UniqueClaim(ClaimScope, key, m.Fingerprint));
            state.State.Journal.Record(BusinessFact.Create(key, BankNode, now, new AccountMovementRecorded(
                BankNode, m.MsgNo, m.ReferenceNo, m.LineNo, m.AccountNo, m.BusinessDay, m.Direction, m.Amount, m.Kind,
                m.CounterpartyAccount, m.RelatedNo, m.PayCode, m.OriginalDay, msgId)));
        }

        state.State.ReportsRecorded++;
        state.State.LastRecordedAt = now;
        try
        {
            await state.CommitAsync(DeactivateOnIdle);
            return ResultCodes.Success;
        }
        catch (Exception exception) when (JournaledCommit.FindClaimConflict(exception) is { Scope: ClaimScope } conflict)
        {
            logger.LogWarning("{Bank} reused movement key {Key} for a different movement (recorded as {Existing}); nothing of message {MsgId} recorded",
                BankNode, conflict.Key, conflict.ExistingOwner, msgId);
            return ResultCodes.TraNoBusReused;
        }
    }
}
