using NonTax.Grains.Abstractions.Journal;
using Npgsql;

namespace NonTax.Persistence.Storage;

/// <summary>
/// Turns business facts into rows of typed, queryable tables (payment confirmations, notices…)
/// inside the same transaction that writes the grain state and the fact itself. Register
/// implementations in DI; every projector whose <see cref="Handles"/> returns true for a fact's
/// kind adds its commands. Commands must be idempotent (a fact can be replayed).
/// </summary>
public interface IFactProjector
{
    bool Handles(string kind);

    void AddCommands(NpgsqlBatch batch, BusinessFact fact);
}
