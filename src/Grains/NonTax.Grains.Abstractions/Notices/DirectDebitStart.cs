namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// The notice's answer to a direct debit request, in the protocol's result codes: 00000 started
/// (or already under way: the debit in flight is returned), 10001 unknown, 10002 paid, 10003 void,
/// 10004 expired, 20004 not this unit's notice, 20001 a malformed field or too many debits.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DirectDebitStart(
    [property: Id(0)] string ResultCode,
    [property: Id(1)] DirectDebit? Debit = null,
    [property: Id(2)] string? Information = null);
