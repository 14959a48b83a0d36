namespace NonTax.SocketEdge.Reconciliation;

/// <summary>
/// One received batch of a bank's reconciliation file (an unsplit file is batch 1 of 1): the
/// header the bank declared and what the batch's records add up to.
/// </summary>
public sealed record ReconciliationBatch(
    string BankNode,
    DateOnly BusinessDay,
    string MsgNo,
    int BatchNo,
    int BatchCount,
    string BankCode,
    long DeclaredCount,
    decimal DeclaredAmount,
    long RecordCount,
    decimal RecordAmount,
    string MsgId);
