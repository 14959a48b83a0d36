namespace NonTax.BankSimulator.Load;

/// <summary>
/// One request of a load run as the sending bank saw it: what was sent (MsgID, payment code, the
/// confirmation's TraNoBus), the answer's result code (<c>io</c> when the connection failed, so
/// nothing was heard) and when: for a fault checker, the history of a Jepsen-style test.
/// </summary>
public sealed record RequestRecord(
    LoadOperation Operation,
    string Peer,
    string MsgId,
    string PayCode,
    string? TraNoBus,
    string Amount,
    string Result,
    DateTimeOffset SentAt,
    double LatencyMs);
