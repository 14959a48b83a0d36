namespace NonTax.Integration.Tests.TestGrains;

/// <summary>Test grain with an ADO.NET reminder that counts its ticks.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);
    Task Stop();
}
