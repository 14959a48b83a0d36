namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Whether a notice's outbox holds hand-overs not yet taken by a BankLink, as of the write that
/// carries this mark. The storage provider keeps the notice's row in <c>nontax.pending_handovers</c>
/// in step in the same transaction (inserted while pending, deleted once empty), so a sweep finds
/// every notice whose hand-over a crash may have interrupted.
/// </summary>
/// <param name="PayCode">The notice's payment code (the row's key and the grain to reactivate).</param>
/// <param name="Pending">True: the outbox has undelivered items; false: it has none any more.</param>
[GenerateSerializer, Immutable]
public sealed record HandOverMark(
    [property: Id(0)] string PayCode,
    [property: Id(1)] bool Pending);
