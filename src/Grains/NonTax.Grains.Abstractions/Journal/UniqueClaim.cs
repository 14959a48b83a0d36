namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// A claim on a key that must be unique across all grains (e.g. a bank's transaction number
/// TraNoBus, or an externally supplied payment code). The storage provider inserts it in the same
/// transaction as the state write; if another owner already holds the key, the write fails with
/// <see cref="UniqueClaimConflictException"/> and nothing of that write is committed.
/// Claiming a key one already owns is a no-op, so replays are harmless.
/// </summary>
/// <param name="Scope">Namespace of the key, e.g. <c>tranobus</c>.</param>
/// <param name="Key">The key inside the scope, e.g. <c>D3206820105/20251101-0001</c>.</param>
/// <param name="Owner">Who holds it, e.g. the payment code plus amount, compared verbatim.</param>
[GenerateSerializer, Immutable]
public sealed record UniqueClaim(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Key,
    [property: Id(2)] string Owner);
