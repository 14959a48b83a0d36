namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// Records the money movements one bank reports (key: the bank's node code). A report is recorded
/// whole or not at all: every movement is claimed by its business key, so a resend of the same
/// movements changes nothing, and a resend that reuses a key for a different account, direction,
/// amount or day is refused (20003) with nothing recorded.
/// </summary>
[Alias("moneyflow.IAccountMovementsGrain")]
public interface IAccountMovementsGrain : IGrainWithStringKey
{
    /// <summary>The result code: 00000 recorded (or already recorded), 20003 a key reused for a different movement.</summary>
    /// <param name="msgId">The reporting message's MsgID, kept with each row for tracing.</param>
    [Alias("Record")]
    Task<string> Record(IReadOnlyList<AccountMovement> movements, string msgId);
}
