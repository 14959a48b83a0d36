namespace NonTax.Grains.Items;

[GenerateSerializer]
public sealed class NationalItemCodeState
{
    [Id(0)] public string? ItemCode { get; set; }
}
