namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>A bank's reconciliation day: status and the figures of each file kind.</summary>
[GenerateSerializer, Immutable]
[Alias("reconciliation.day-view")]
public sealed record ReconciliationDayView(
    [property: Id(0)] ReconciliationDay Day,
    [property: Id(1)] string Status,
    [property: Id(2)] IReadOnlyList<ReconciliationFileView> Files,
    [property: Id(3)] bool FileMissingAlerted,
    [property: Id(4)] int Version);
