using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using Orleans.Concurrency;

namespace NonTax.Grains.Units;

/// <summary>
/// Issues a unit's notices; see <see cref="IUnitIssuingGrain"/>. Stateless and reentrant: the only
/// thing it holds is the block of payment codes it was given, in memory. A block lost with an
/// activation leaves its unused numbers unissued — codes must be unique, not gapless.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class UnitIssuingGrain(TimeProvider clock) : Grain, IUnitIssuingGrain
{
    /// <summary>Sequence numbers per unit write; what a crash may skip at most, per activation.</summary>
    internal const int BlockSize = 200;
    /// <summary>Tries before giving up when allocated codes are already taken (e.g. by an imported notice).</summary>
    private const int AllocationAttempts = 5;
    /// <summary>The schools' import template allows at most 500 rows a batch.</summary>
    internal const int MaxBatchRows = 500;

    private PayCodeBlock? _block;
    private long _next;
    // Concurrent calls that find the block used up share one reservation (one unit write).
    private Task? _reserving;

    private string UnitCode => this.GetPrimaryKeyString();
    private ICollectingUnitGrain Unit => GrainFactory.GetGrain<ICollectingUnitGrain>(UnitCode);

    public Task<IssueResult> Issue(NoticeDraft draft) => IssueAsync(draft, suppliedCode: null);

    public Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft) =>
        PayCode.IsWellFormed(payCode)
            ? IssueAsync(draft, payCode)
            : Task.FromResult(new IssueResult(ResultCodes.MalformedField, payCode, Information: "PayCode"));

    /// <summary>
    /// Validates every row first, then issues the notices concurrently. Each row stands or falls on
    /// its own; the unit is written only when a block of codes runs out.
    /// </summary>
    public async Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows)
    {
        if (rows.Count > MaxBatchRows)
        {
            return new BatchIssueReport([.. rows.Select(_ => new IssueResult(ResultCodes.MalformedField, Information: $"at most {MaxBatchRows} rows a batch"))]);
        }

        // One read of the terms for the whole batch: a block decided mid-batch applies to the next one.
        var terms = await Unit.GetIssuingTerms();
        var results = new IssueResult?[rows.Count];
        var pending = new List<(int Row, PreparedNotice Notice)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (prepared, refusal) = await PrepareAsync(terms, rows[i], suppliedCode: null);
            if (prepared is null)
            {
                results[i] = refusal;
                continue;
            }

            pending.Add((i, prepared));
        }

        var issued = await Task.WhenAll(pending.Select(async p =>
        {
            try
            {
                return await IssueNoticeAsync(p.Notice, await NextCodeAsync(p.Notice.IssueDate), allocated: true);
            }
            catch (Exception ex)
            {
                return new IssueResult(ResultCodes.GeneralFailure, Information: ex.Message);
            }
        }));
        for (var k = 0; k < pending.Count; k++)
        {
            results[pending[k].Row] = issued[k];
        }

        return new BatchIssueReport([.. results.Select(r => r!)]);
    }

    private async Task<IssueResult> IssueAsync(NoticeDraft draft, string? suppliedCode)
    {
        var (prepared, refusal) = await PrepareAsync(await Unit.GetIssuingTerms(), draft, suppliedCode);
        if (prepared is null)
        {
            return refusal!;
        }

        // A supplied code is claimed by the notice grain it names: one grain per code, one call at a time.
        var payCode = suppliedCode ?? await NextCodeAsync(prepared.IssueDate);
        return await IssueNoticeAsync(prepared, payCode, allocated: suppliedCode is null);
    }

    /// <summary>The unit-level and item-level checks, and everything of the notice but its code.</summary>
    private async Task<(PreparedNotice? Notice, IssueResult? Refusal)> PrepareAsync(IssuingTerms terms, NoticeDraft draft, string? suppliedCode)
    {
        if (terms.Profile is not { } profile)
        {
            return (null, new IssueResult(ResultCodes.UnknownUnit, suppliedCode, Information: UnitCode));
        }

        if (profile.Status != UnitStatus.Active)
        {
            return (null, new IssueResult(ResultCodes.UnitBlocked, suppliedCode, Information: "unit inactive"));
        }

        if (terms.IsBlocked)
        {
            return (null, new IssueResult(ResultCodes.UnitBlocked, suppliedCode, Information: terms.BlockReason));
        }

        var validation = await new NoticeValidation(GrainFactory).ValidateAsync(draft, terms.Rights);
        if (validation.ResultCode != ResultCodes.Success)
        {
            return (null, new IssueResult(validation.ResultCode, suppliedCode, Information: validation.Information));
        }

        var bureau = GrainFactory.GetGrain<IBureauGrain>(profile.FinanceNode);
        var account = await bureau.GetFiscalAccount(profile.PayeeAccountNo);
        if (account is not { Active: true })
        {
            return (null, new IssueResult(ResultCodes.GeneralFailure, suppliedCode, Information: $"payee account {profile.PayeeAccountNo} unknown or closed"));
        }

        var calendar = await bureau.GetCalendar();
        var items = validation.Lines.Select(l => l.Item).ToList();
        var issueDate = ChinaTime.Today(clock);
        var dueDate = calendar.DueDate(issueDate, items.Max(i => i.PaymentPeriodDays));
        var payee = new Payee(account.AccountNo, account.Name, account.BankCode, account.BankName, account.AccountType);
        return (new PreparedNotice(profile, draft, [.. validation.Lines.Select(l => l.Line)], payee, issueDate, dueDate,
            dueDate.AddDays(items.Max(i => i.GraceDays)), items.Max(i => i.LateFeeDailyRate)), null);
    }

    /// <summary>Issues under <paramref name="payCode"/>; an allocated code found taken is replaced by the next one.</summary>
    private async Task<IssueResult> IssueNoticeAsync(PreparedNotice prepared, string payCode, bool allocated)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await GrainFactory.GetGrain<IPaymentNoticeGrain>(payCode).Issue(prepared.For(payCode));
            if (result.Succeeded || !allocated || result.ResultCode != ResultCodes.PayCodeAlreadyUsed)
            {
                return result;
            }

            if (attempt == AllocationAttempts)
            {
                return new IssueResult(ResultCodes.GeneralFailure, Information: "no free payment code");
            }

            payCode = await NextCodeAsync(prepared.IssueDate);
        }
    }

    private async Task<string> NextCodeAsync(DateOnly issueDate)
    {
        var year = issueDate.Year % 100;
        while (true)
        {
            // A block of a later year than asked is fine (see ReserveCodes); an earlier one is used up.
            if (_block is { } block && block.Year >= year && _next < block.End)
            {
                return block.Compose(_next++);
            }

            var reserving = _reserving ??= ReserveAsync(year);
            try
            {
                await reserving;
            }
            finally
            {
                if (ReferenceEquals(_reserving, reserving))
                {
                    _reserving = null;
                }
            }
        }
    }

    private async Task ReserveAsync(int year)
    {
        var block = await Unit.ReserveCodes(year, BlockSize);
        _block = block;
        _next = block.First;
    }
}
