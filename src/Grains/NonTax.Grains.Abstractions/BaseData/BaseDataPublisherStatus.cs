namespace NonTax.Grains.Abstractions.BaseData;

/// <summary>Where the publisher stands.</summary>
/// <param name="LastSeqNos">The last SeqNo given per MsgNo.</param>
/// <param name="ChangePending">A change was reported and its push has not been made yet.</param>
/// <param name="UndeliveredHandOvers">Instructions stored but not yet handed to their bank link.</param>
[GenerateSerializer, Immutable]
public sealed record BaseDataPublisherStatus(
    [property: Id(0)] IReadOnlyDictionary<string, long> LastSeqNos,
    [property: Id(1)] bool ChangePending,
    [property: Id(2)] int UndeliveredHandOvers);
