namespace NonTax.Grains.Abstractions.Notices;

/// <summary>A confirmation the notice accepted (as revenue or as a duplicate) and the answer it got.</summary>
[GenerateSerializer, Immutable]
public sealed record ConfirmationRecord(
    [property: Id(0)] ConfirmedPayment Confirmation,
    [property: Id(1)] ConfirmationOutcome Outcome,
    [property: Id(2)] DateTimeOffset ReceivedAt);
