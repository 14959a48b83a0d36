using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.EBills;

/// <summary>
/// Builds and signs e-bill files for notice grains (a stateless worker: signing is CPU work that
/// needs the keys, not an identity). It decides nothing about a notice; the notice grain asks it
/// for a document and stores the one it gets, so whether a notice has a bill is the notice's call.
/// </summary>
public interface IEBillIssuerGrain : IGrainWithIntegerKey
{
    /// <summary>The bill of a paid notice, signed with the unit's key and countersigned by finance.</summary>
    Task<EBillDocument> Issue(NoticeContent notice, decimal paidAmount, IssuedEBill bill);

    /// <summary>
    /// A bill the unit signed (8981): checks its content against the notice and the number, checks
    /// the unit's signature, then adds the finance signature.
    /// </summary>
    Task<EBillDocument> Countersign(NoticeContent notice, decimal paidAmount, UnitSignedEBill bill);

    /// <summary>The red-letter bill (红字票据) reversing <paramref name="blue"/>: negative amounts, naming the blue bill.</summary>
    Task<EBillDocument> Reverse(NoticeContent notice, IssuedEBill blue, IssuedEBill red);
}
