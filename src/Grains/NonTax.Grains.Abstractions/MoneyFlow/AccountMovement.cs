namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// One movement of money on an account as a bank reported it (a row of 2613/2615/2616/2619, or an
/// executed row of a 2614 clearing or 2618 remittance result). (bank, MsgNo, ReferenceNo, LineNo)
/// is its business key: the same key is the same movement, whichever message carried it.
/// </summary>
/// <param name="MsgNo">The message that reported it.</param>
/// <param name="ReferenceNo">The bank's transaction number, or ClearNo/RemitNo for results.</param>
/// <param name="LineNo">Row of a clearing result; 0 otherwise.</param>
/// <param name="AccountNo">The account the money moved in or out of.</param>
/// <param name="BusinessDay">The bank's business day of the movement (CST).</param>
/// <param name="Direction"><see cref="MovementDirections.In"/> or <see cref="MovementDirections.Out"/>.</param>
/// <param name="Kind">One of <see cref="MovementKinds"/>.</param>
/// <param name="CounterpartyAccount">The other account, when the bank named it.</param>
/// <param name="RelatedNo">ClearNo, RemitNo or the sending bank's TraNo this movement belongs to.</param>
/// <param name="PayCode">The notice, when the bank named one.</param>
/// <param name="OriginalDay">For a late in-transit arrival (2619): the reconciled day it belonged to.</param>
[GenerateSerializer, Immutable]
[Alias("moneyflow.AccountMovement")]
public sealed record AccountMovement(
    [property: Id(0)] string MsgNo,
    [property: Id(1)] string ReferenceNo,
    [property: Id(2)] int LineNo,
    [property: Id(3)] string AccountNo,
    [property: Id(4)] DateOnly BusinessDay,
    [property: Id(5)] string Direction,
    [property: Id(6)] decimal Amount,
    [property: Id(7)] string Kind,
    [property: Id(8)] string? CounterpartyAccount = null,
    [property: Id(9)] string? RelatedNo = null,
    [property: Id(10)] string? PayCode = null,
    [property: Id(11)] DateOnly? OriginalDay = null)
{
    /// <summary>What must be equal for a resent movement to be the same one.</summary>
    public string Fingerprint =>
        $"{AccountNo}|{Direction}|{Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}|{BusinessDay:yyyyMMdd}";
}
