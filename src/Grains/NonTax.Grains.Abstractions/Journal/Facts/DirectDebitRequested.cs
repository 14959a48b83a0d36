namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>directdebit.requested: a unit started a direct debit (划缴) of a notice; its 5604 goes to <paramref name="Bank"/>.</summary>
public sealed record DirectDebitRequested(
    string DebitNo,
    string PayCode,
    string UnitCode,
    string Bank,
    [property: MoneyText] decimal Amount,
    string PayerAcct,
    string AuthNo,
    string RequestedBy) : IFact
{
    public static string Kind => "directdebit.requested";
}
