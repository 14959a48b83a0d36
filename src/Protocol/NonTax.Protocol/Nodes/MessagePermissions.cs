namespace NonTax.Protocol.Nodes;

/// <summary>
/// Who may send what (ours): banks and the public payment platform send 2xxx, unit platforms send
/// 8xxx, finance sends 5xxx, and the education query 2698 only comes from banks. Anything else is
/// refused <c>20004</c>. Whether a unit platform may act for a given unit is the caller's check.
/// </summary>
public static class MessagePermissions
{
    /// <summary>True when a node of <paramref name="sender"/> kind may originate <paramref name="msgNo"/>.</summary>
    public static bool MaySend(NodeKind sender, string msgNo)
    {
        if (msgNo is not { Length: 4 } || !msgNo.All(char.IsAsciiDigit))
        {
            return false;
        }

        return sender switch
        {
            NodeKind.AgentBank or NodeKind.ClearingBank => msgNo[0] == '2',
            NodeKind.PublicPaymentPlatform => msgNo[0] == '2' && msgNo != Results.MsgNos.EducationQuery,
            NodeKind.UnitPlatform => msgNo[0] == '8',
            NodeKind.Finance => msgNo[0] == '5',
            _ => false,
        };
    }

    /// <summary>Same as <see cref="MaySend(NodeKind, string)"/> for a parsed code.</summary>
    public static bool MaySend(NodeCode sender, string msgNo) => MaySend(sender.Kind, msgNo);
}
