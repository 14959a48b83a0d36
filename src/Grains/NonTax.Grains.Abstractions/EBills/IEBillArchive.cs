namespace NonTax.Grains.Abstractions.EBills;

/// <summary>Reads issued e-bills from <c>nontax.ebills</c> (written only by the projection of <c>ebill.issued</c>).</summary>
public interface IEBillArchive
{
    Task<StoredEBill?> FindAsync(string billCode, long billNumber, CancellationToken cancellationToken = default);

    /// <summary>The notice's bills, the blue one first, then its red-letter reversal if any.</summary>
    Task<IReadOnlyList<StoredEBill>> ForNoticeAsync(string payCode, CancellationToken cancellationToken = default);
}
