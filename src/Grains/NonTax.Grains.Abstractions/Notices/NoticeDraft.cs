namespace NonTax.Grains.Abstractions.Notices;

/// <summary>What a collecting unit submits to issue a notice (one row of a batch, or one 8994).</summary>
/// <param name="Amount">Notice amount (OriAmt); the lines must add up to it.</param>
/// <param name="ConfirmBack">Hold1 = Y: send a 5996 confirmation to <paramref name="IssuerNode"/> when paid.</param>
/// <param name="IssuerNode">The unit platform node (K…) that issued it through 8994, if any.</param>
[GenerateSerializer, Immutable]
public sealed record NoticeDraft(
    [property: Id(0)] Payer Payer,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] IReadOnlyList<NoticeLineRequest> Lines,
    [property: Id(3)] string OperatorName,
    [property: Id(4)] string? Memo = null,
    [property: Id(5)] bool ConfirmBack = false,
    [property: Id(6)] string? IssuerNode = null);
