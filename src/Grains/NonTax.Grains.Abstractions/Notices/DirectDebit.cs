namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// One direct debit of a notice from an account the payer authorised (划缴/代扣): the 5604 sent to
/// <paramref name="Bank"/> and, once it came, what its 2607 said and how the notice answered it.
/// </summary>
/// <param name="DebitNo">"A" + payment code + 2-digit sequence (23 characters), the 5604's DebitNo.</param>
/// <param name="Amount">The amount due on the day the debit was started.</param>
/// <param name="Outcome">The notice's answer to the debited money (00000 revenue, 10006 duplicate…), once debited.</param>
[GenerateSerializer, Immutable]
public sealed record DirectDebit(
    [property: Id(0)] string DebitNo,
    [property: Id(1)] string Bank,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string PayerName,
    [property: Id(4)] string PayerAcct,
    [property: Id(5)] string AuthNo,
    [property: Id(6)] string RequestedBy,
    [property: Id(7)] DateTimeOffset RequestedAt,
    [property: Id(8)] DirectDebitStatus Status,
    [property: Id(9)] string? BankResult = null,
    [property: Id(10)] string? TraNoBus = null,
    [property: Id(11)] string? Information = null,
    [property: Id(12)] ConfirmationOutcome? Outcome = null);
