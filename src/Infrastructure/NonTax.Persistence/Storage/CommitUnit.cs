using Npgsql;

namespace NonTax.Persistence.Storage;

/// <summary>
/// One all-or-nothing piece of a batch: either every command it adds is committed or none is.
/// The writer numbers the units of each attempt; guard functions in SQL report a failing unit by
/// that number (see 0007_nontax_commit_checks.sql).
/// </summary>
internal abstract class CommitUnit
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    /// <summary>Adds this unit's commands; <paramref name="unitNumber"/> is what guards report on failure.</summary>
    public abstract void AddCommands(NpgsqlBatch batch, int unitNumber);

    /// <summary>Kinds of the business facts this unit records (announced after the commit, see <see cref="FactNotification"/>).</summary>
    public virtual IEnumerable<string> FactKinds => [];

    /// <summary>Turns a guard failure naming this unit into the exception its caller sees.</summary>
    public virtual Exception ToFailure(CommitGuardViolation violation) =>
        new InvalidOperationException($"Commit rejected: {violation.Message}");

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
