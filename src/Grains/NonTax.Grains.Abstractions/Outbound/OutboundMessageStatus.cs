namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>Where an outbound message stands.</summary>
[GenerateSerializer]
public enum OutboundMessageStatus
{
    /// <summary>Queued or being retried.</summary>
    Pending = 0,

    /// <summary>The peer answered with success; it is never sent again.</summary>
    Delivered = 1,

    /// <summary>Still failing after the configured time: parked, alerted, shown to staff.</summary>
    Dead = 2,

    /// <summary>Closed by staff with a reason.</summary>
    Closed = 3,
}
