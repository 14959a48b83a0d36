namespace NonTax.Integration.Tests.TestGrains;

/// <summary>Test grain whose state, facts and claims go through the batched domain provider.</summary>
public interface IDomainCounterGrain : IGrainWithStringKey
{
    Task Set(int value);

    /// <summary>Sets the value, records a fact and claims <paramref name="claimKey"/> for this grain.</summary>
    Task SetWithJournal(int value, string claimKey);

    Task<int> Get();
    Task<string> HostingSilo();
}
