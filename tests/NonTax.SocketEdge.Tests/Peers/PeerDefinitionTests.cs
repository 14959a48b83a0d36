using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Nodes;

namespace NonTax.SocketEdge.Tests.Peers;

public class PeerDefinitionTests
{
    private static readonly string Token = new('k', 32);

    private static PeerDefinition Bank(string nodeCode = "D3206820105") => new() { NodeCode = nodeCode, Name = "建设银行", Token = Token };

    [Theory]
    [InlineData("D3206820105", true)]
    [InlineData("Q3206820105", true)]
    [InlineData("K3206820001", true)]
    [InlineData("G000001", true)]
    [InlineData("G000002", false)]
    [InlineData("D320682010", false)]
    [InlineData("D32068201055", false)]
    [InlineData("D32068201A5", false)]
    [InlineData("F320682", false)]
    [InlineData("X3206820105", false)]
    [InlineData("", false)]
    public void Peer_node_code_shapes(string code, bool valid) => Assert.Equal(valid, NodeCode.IsPeerCode(code));

    [Theory]
    [InlineData("F320682", true)]
    [InlineData("F32068", false)]
    [InlineData("F32068A", false)]
    [InlineData("D320682", false)]
    public void Finance_node_code_shapes(string code, bool valid) => Assert.Equal(valid, NodeCode.IsFinanceCode(code));

    [Fact]
    public void A_complete_bank_definition_is_valid() =>
        Assert.Empty((Bank() with { EndpointHost = "10.1.2.3", EndpointPort = 9200, AllowedNetworks = ["10.1.2.0/24", "2001:db8::/32"] }).Validate());

    [Theory]
    [InlineData("F320682")]
    [InlineData("D320682010")]
    [InlineData("X3206820105")]
    public void A_node_code_no_peer_can_have_is_refused(string code) =>
        Assert.Contains(Bank(code).Validate(), e => e.Contains("node code", StringComparison.Ordinal));

    [Theory]
    [InlineData("short")]
    [InlineData("seven77")] // one short of the 8 a token needs
    [InlineData("0123456789abcdef0123456789abcde ")] // a space is not printable here
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")] // 65: one too many
    [InlineData("0123456789abcdef0123456789abcde中")]
    public void A_token_must_be_8_to_64_printable_ASCII_characters(string token) =>
        Assert.Contains((Bank() with { Token = token }).Validate(), e => e.Contains("token", StringComparison.Ordinal));

    [Theory]
    [InlineData("eight8!!")]
    [InlineData("Ab3$efgh1jkLmn0pQr")] // 18, like a bank's token in service
    [InlineData("0123456789abcdef0123456789abcdef0")] // 33: staff may set it, only 2003 carries exactly 32
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")] // 64
    public void Tokens_banks_bring_along_are_taken(string token) =>
        Assert.Empty((Bank() with { Token = token }).Validate());

    [Fact]
    public void Errors_never_quote_the_token()
    {
        var token = "0123456789abcdef0123456789abcde中";
        Assert.All((Bank() with { Token = token }).Validate(), e => Assert.DoesNotContain(token, e, StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoint_needs_host_and_port_together()
    {
        Assert.NotEmpty((Bank() with { EndpointHost = "10.1.2.3" }).Validate());
        Assert.NotEmpty((Bank() with { EndpointPort = 9200 }).Validate());
        Assert.NotEmpty((Bank() with { EndpointHost = "10.1.2.3", EndpointPort = 0 }).Validate());
        Assert.NotEmpty((Bank() with { EndpointHost = "10.1.2.3", EndpointPort = 65536 }).Validate());
    }

    [Theory]
    [InlineData("10.1.2.0/33")]
    [InlineData("10.1.2.3")]
    [InlineData("bank.example")]
    public void Allowed_networks_must_be_CIDR(string network) =>
        Assert.Contains((Bank() with { AllowedNetworks = [network] }).Validate(), e => e.Contains(network, StringComparison.Ordinal));

    [Fact]
    public void Only_a_unit_platform_acts_for_units()
    {
        Assert.NotEmpty((Bank() with { ActingUnits = ["0104901"] }).Validate());
        Assert.Empty((Bank("K3206820001") with { ActingUnits = ["0104901"] }).Validate());
    }

    [Fact]
    public void A_blank_name_is_refused() =>
        Assert.NotEmpty((Bank() with { Name = " " }).Validate());
}
