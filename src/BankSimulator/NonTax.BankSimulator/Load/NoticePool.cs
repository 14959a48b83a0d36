using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// The payment codes a run works on: unpaid ones to confirm, paid ones (with the bank that paid)
/// to confirm again from another bank, and every known code for queries. Issued codes flow in,
/// confirmations move them from unpaid to paid.
/// </summary>
public sealed class NoticePool
{
    private readonly ConcurrentQueue<string> _unpaid = new();
    private readonly ConcurrentQueue<PaidNotice> _paid = new();
    private readonly List<string> _known = [];
    private readonly Lock _knownLock = new();

    /// <summary>A confirmed notice and the bank whose 2612 was accepted.</summary>
    public sealed record PaidNotice(string PayCode, string Bank);

    public int UnpaidCount => _unpaid.Count;

    public int PaidCount => _paid.Count;

    public void AddUnpaid(string payCode)
    {
        _unpaid.Enqueue(payCode);
        Remember(payCode);
    }

    public bool TryTakeUnpaid(out string payCode) => _unpaid.TryDequeue(out payCode!);

    public void AddPaid(PaidNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _paid.Enqueue(notice);
        Remember(notice.PayCode);
    }

    public bool TryTakePaid(out PaidNotice notice) => _paid.TryDequeue(out notice!);

    /// <summary>Any code the pool has seen, for queries (which change nothing).</summary>
    public bool TryPickKnown(out string payCode)
    {
        lock (_knownLock)
        {
            payCode = _known.Count == 0 ? string.Empty : _known[RandomNumberGenerator.GetInt32(_known.Count)];
            return _known.Count > 0;
        }
    }

    public IReadOnlyList<string> Unpaid() => [.. _unpaid];

    public IReadOnlyList<PaidNotice> Paid() => [.. _paid];

    /// <summary>Reads unpaid codes, one per line.</summary>
    public void LoadUnpaid(string path)
    {
        foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            AddUnpaid(line);
        }
    }

    /// <summary>Reads paid codes, one per line as <c>code bank</c>.</summary>
    public void LoadPaid(string path)
    {
        foreach (var parts in File.ReadLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 2))
        {
            AddPaid(new PaidNotice(parts[0], parts[1]));
        }
    }

    private void Remember(string payCode)
    {
        lock (_knownLock)
        {
            _known.Add(payCode);
        }
    }
}
