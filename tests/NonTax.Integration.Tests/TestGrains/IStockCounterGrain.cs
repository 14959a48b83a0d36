namespace NonTax.Integration.Tests.TestGrains;

/// <summary>Test grain whose state goes through the stock ADO.NET provider.</summary>
public interface IStockCounterGrain : IGrainWithStringKey
{
    Task Set(int value);
    Task<int> Get();
    Task<string> HostingSilo();
}
