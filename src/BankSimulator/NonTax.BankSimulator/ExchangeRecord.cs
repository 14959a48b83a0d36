namespace NonTax.BankSimulator;

/// <summary>One request and reply as the simulator saw it, for printing and for tests.</summary>
public sealed record ExchangeRecord(string Direction, string Peer, string MsgNo, string MsgId, string? ReplyMsgNo, IReadOnlyList<(string Name, string Value)> Request, IReadOnlyList<(string Name, string Value)> Reply, string? MsgRef = null)
{
    public string? ReplyField(string name) => Reply.FirstOrDefault(f => f.Name == name).Value;

    public override string ToString() =>
        $"{Direction} {Peer} {MsgNo} {MsgId} -> {ReplyMsgNo}: {string.Join(", ", Reply.Select(f => $"{f.Name}={f.Value}"))}";
}
