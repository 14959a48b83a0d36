namespace NonTax.Grains.Abstractions.Notices;

/// <summary>A collecting unit starts a direct debit of its notice from the account the payer authorised at <paramref name="Bank"/>.</summary>
/// <param name="AuthNo">The payer's authorisation (mandate) number at that bank.</param>
[GenerateSerializer, Immutable]
public sealed record DirectDebitRequest(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string Bank,
    [property: Id(2)] string PayerName,
    [property: Id(3)] string PayerAcct,
    [property: Id(4)] string AuthNo,
    [property: Id(5)] string OperatorName,
    [property: Id(6)] string? PayerOpBk = null);
