using Npgsql;
using NonTax.Protocol.Results;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>2000 "green channel" free-form message from a bank: stored for staff to read, answered 5001.</summary>
public sealed class GreenChannelHandler(NpgsqlDataSource dataSource) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.BankGreenChannel];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var voucher = request.Envelope.First.Voucher;
        var title = voucher["Title"];
        var content = voucher["Content"];
        var sender = voucher["Sender"];
        if (string.IsNullOrWhiteSpace(title) || content is null || string.IsNullOrWhiteSpace(sender))
        {
            var missing = string.IsNullOrWhiteSpace(title) ? "Title" : content is null ? "Content" : "Sender";
            return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.MalformedField, $"{missing}: missing");
        }

        await using var command = dataSource.CreateCommand(
            "INSERT INTO green_channel_messages (src, msg_id, title, content, sender) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (src, msg_id) DO NOTHING");
        command.Parameters.AddWithValue(request.Peer.NodeCode);
        command.Parameters.AddWithValue(request.Head.MsgId);
        command.Parameters.AddWithValue(title);
        command.Parameters.AddWithValue(content);
        command.Parameters.AddWithValue(sender);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.Success, "received");
    }
}
