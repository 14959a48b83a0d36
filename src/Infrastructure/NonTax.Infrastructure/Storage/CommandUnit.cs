using Npgsql;

namespace NonTax.Infrastructure.Storage;

/// <summary>A set of arbitrary commands queued through <see cref="ICommitBatcher.CommitAsync"/>.</summary>
internal sealed class CommandUnit(Action<NpgsqlBatch> addCommands) : CommitUnit
{
    public override void AddCommands(NpgsqlBatch batch, int unitNumber) => addCommands(batch);
}
