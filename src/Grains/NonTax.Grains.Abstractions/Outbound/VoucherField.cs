namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>One voucher element of an outbound message, in the order it is written.</summary>
[GenerateSerializer, Immutable]
public sealed record VoucherField([property: Id(0)] string Name, [property: Id(1)] string Value);
