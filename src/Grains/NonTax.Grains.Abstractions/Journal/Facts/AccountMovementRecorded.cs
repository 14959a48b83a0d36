namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>account.movement_recorded: a bank reported money moving in or out of an account (row of <c>account_movements</c>).</summary>
public sealed record AccountMovementRecorded(
    string BankNode,
    string MsgNo,
    string ReferenceNo,
    int LineNo,
    string AccountNo,
    DateOnly BusinessDay,
    string Direction,
    [property: MoneyText] decimal Amount,
    string MovementKind,
    string? CounterpartyAccount,
    string? RelatedNo,
    string? PayCode,
    DateOnly? OriginalDay,
    string MsgId) : IFact
{
    public static string Kind => "account.movement_recorded";
}
