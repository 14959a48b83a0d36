namespace NonTax.Grains.Abstractions.Notices;

/// <summary>The answer to a confirmation; a resend of the same (Src, TraNoBus) gets the same one.</summary>
/// <param name="ResultCode">00000 revenue; 10006 duplicate with refund started; else a refusal.</param>
/// <param name="RefundNo">Technical refund number when <paramref name="IsDuplicate"/>.</param>
[GenerateSerializer, Immutable]
public sealed record ConfirmationOutcome(
    [property: Id(0)] string ResultCode,
    [property: Id(1)] bool IsDuplicate = false,
    [property: Id(2)] string? RefundNo = null,
    [property: Id(3)] string? Information = null);
