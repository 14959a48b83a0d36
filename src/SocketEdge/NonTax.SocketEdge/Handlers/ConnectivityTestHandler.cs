using NonTax.Protocol.Results;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>2002 connectivity test: answered 5001 success, echoing nothing but the result.</summary>
public sealed class ConnectivityTestHandler : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.BankTest];

    public Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.Success, "connectivity ok"));
}
