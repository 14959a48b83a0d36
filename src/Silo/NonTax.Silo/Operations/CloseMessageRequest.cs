namespace NonTax.Silo.Operations;

/// <summary>Body of <c>POST /ops/links/{node}/{instructionId}/close</c>: why staff close a dead message by hand.</summary>
public sealed record CloseMessageRequest(string? Reason);
