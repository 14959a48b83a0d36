namespace NonTax.SocketEdge.Messages;

/// <summary>Handles the business of one or more inbound message numbers.</summary>
public interface IMessageHandler
{
    IReadOnlyCollection<string> HandledMsgNos { get; }

    Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken);
}
