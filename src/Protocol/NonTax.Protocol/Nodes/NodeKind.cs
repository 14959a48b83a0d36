using System.Text.Json.Serialization;

namespace NonTax.Protocol.Nodes;

/// <summary>
/// The kind of node a code names (<see cref="NodeCode.KindOf"/>). The one vocabulary for it: the
/// protocol's permissions, the peer registry and the operator API all use this enum.
/// </summary>
[JsonConverter(typeof(NodeKindJsonConverter))]
public enum NodeKind
{
    /// <summary><c>F</c>+region(6): a finance node (财政).</summary>
    Finance,

    /// <summary><c>G000001</c>: the public payment platform (公共支付平台).</summary>
    PublicPaymentPlatform,

    /// <summary><c>D</c>+region(6)+bank(4): an agent bank (代理银行).</summary>
    AgentBank,

    /// <summary><c>Q</c>+region(6)+bank(4): a clearing bank (清算银行).</summary>
    ClearingBank,

    /// <summary><c>K</c>+region(6)+number(4): a unit platform (单位系统).</summary>
    UnitPlatform,
}
