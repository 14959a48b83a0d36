namespace NonTax.Grains.Abstractions.Items;

/// <summary>Maps a 12-digit national item identification code (the key) to the local item code.</summary>
public interface INationalItemCodeGrain : IGrainWithStringKey
{
    Task Bind(string itemCode);

    Task<string?> Resolve();
}
