namespace NonTax.SocketEdge.Messages;

/// <summary>Handles the business of one or more inbound message numbers.</summary>
public interface IMessageHandler
{
    IReadOnlyCollection<string> HandledMsgNos { get; }

    /// <summary>
    /// Whether running the handler again for the same request changes nothing and answers the same
    /// (a read, or a write found again by its business key): such a handler is retried on the
    /// cluster's survivors when a silo is lost mid-call (<see cref="LostSiloRetry"/>).
    /// </summary>
    bool IsIdempotent => false;

    Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken);
}
