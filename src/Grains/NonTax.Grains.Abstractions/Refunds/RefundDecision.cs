namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>The notice's answer to a refund step: the outcome, the refund it concerns and, for a refusal, why.</summary>
/// <param name="Refundable">What may still be applied for after this step (paid less refunded and reserved).</param>
[GenerateSerializer, Immutable]
public sealed record RefundDecision(
    [property: Id(0)] RefundDecisionOutcome Outcome,
    [property: Id(1)] BusinessRefund? Refund = null,
    [property: Id(2)] string? Information = null,
    [property: Id(3)] decimal? Refundable = null)
{
    public bool Accepted => Outcome == RefundDecisionOutcome.Accepted;
}
