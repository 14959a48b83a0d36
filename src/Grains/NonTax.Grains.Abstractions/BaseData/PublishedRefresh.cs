namespace NonTax.Grains.Abstractions.BaseData;

/// <summary>One full refresh queued to the banks.</summary>
/// <param name="MsgNo">5952, 5953 or 5981.</param>
/// <param name="SeqNo">Its sequence number, higher than any earlier refresh of this MsgNo.</param>
/// <param name="Peers">The bank nodes it was queued to.</param>
/// <param name="Rows">How many accounts or regions it carries.</param>
[GenerateSerializer, Immutable]
public sealed record PublishedRefresh(
    [property: Id(0)] string MsgNo,
    [property: Id(1)] long SeqNo,
    [property: Id(2)] IReadOnlyList<string> Peers,
    [property: Id(3)] int Rows);
