using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NonTax.BankSimulator.Tests;

/// <summary>The sandbox SMS gateway over real HTTP, with the body the silo's gateway client posts.</summary>
public sealed class SandboxSmsGatewayTests
{
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task It_takes_a_message_answers_code_0_with_an_id_and_refuses_one_without_a_mobile()
    {
        var output = new StringWriter();
        await using var gateway = new SandboxSmsGateway(FreePort(), output);
        using var http = new HttpClient();

        var message = new Dictionary<string, string>
        {
            ["account"] = "sandbox",
            ["mobile"] = "13800000001",
            ["content"] = "【非税收入告警】Critical 测试",
            ["clientMsgId"] = "a1|13800000001",
        };
        using var taken = await http.PostAsJsonAsync(gateway.Url, message);
        var answer = JsonDocument.Parse(await taken.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("0", answer.GetProperty("code").GetString());
        Assert.StartsWith("SBX", answer.GetProperty("msgId").GetString(), StringComparison.Ordinal);

        using var refused = await http.PostAsJsonAsync(gateway.Url, new { account = "sandbox", content = "x" });
        Assert.Equal("40001", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

        Assert.Equal([("13800000001", "【非税收入告警】Critical 测试", "a1|13800000001")], gateway.Received);
        Assert.Contains("13800000001", output.ToString(), StringComparison.Ordinal);
    }
}
