using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Integration.Tests.Projection;

/// <summary>Test grain that commits whatever facts it is given through the batched domain storage.</summary>
public interface IFactRecorderGrain : IGrainWithStringKey
{
    /// <summary>One state write carrying <paramref name="facts"/>; returns the number of writes so far.</summary>
    Task<int> Record(BusinessFact[] facts);
}
