using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Nodes;
using NonTax.Silo.Operations;

namespace NonTax.Integration.Tests.Operations;

/// <summary>The operator API over HTTP on a real silo's operations port.</summary>
public sealed class OperatorApiTests(OperatorSystemFixture system) : IClassFixture<OperatorSystemFixture>, IDisposable
{
    private readonly HttpClient _http = Client(system);

    private static HttpClient Client(OperatorSystemFixture system) =>
        OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, "zhang.san");

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> PeerAsync(string node) => await JsonOf(await _http.GetAsync($"/ops/peers/{node}"));

    [Fact]
    public async Task Without_the_bearer_token_ops_answers_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ops/peers")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.OperatorApiToken + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ops/peers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/ops/green-channel/1/read", null)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_asks_a_browser_for_the_token_and_opens_with_it()
    {
        // The dashboard redirects to its own pages; a client drops credentials on a redirect, so
        // each answer is looked at as it comes.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _http.BaseAddress };
        var refused = await anonymous.GetAsync(OperatorApi.DashboardPrefix);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("Basic", refused.Headers.WwwAuthenticate.ToString());

        async Task<HttpStatusCode> OpenWith(AuthenticationHeaderValue authorization)
        {
            anonymous.DefaultRequestHeaders.Authorization = authorization;
            return (await anonymous.GetAsync(OperatorApi.DashboardPrefix)).StatusCode;
        }

        static AuthenticationHeaderValue Basic(string password) =>
            new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ops:" + password)));

        Assert.Equal(HttpStatusCode.Unauthorized, await OpenWith(Basic(system.OperatorApiToken + "x")));
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenWith(new AuthenticationHeaderValue("Basic", "not-base64!")));
        Assert.True((int)await OpenWith(Basic(system.OperatorApiToken)) is >= 200 and < 400);
        Assert.True((int)await OpenWith(new AuthenticationHeaderValue("Bearer", system.OperatorApiToken)) is >= 200 and < 400);
    }

    [Fact]
    public async Task The_operations_port_listens_on_loopback_only_by_default()
    {
        var external = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.True(external is not null, "this test needs a non-loopback IPv4 address on the host");

        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        var error = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(async () => await socket.ConnectAsync(external, system.OperationsPort));
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, error.SocketErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Health_stays_open_without_a_token()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_token_ops_answers_503()
    {
        var port = TestPorts.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapNonTaxOperatorApi();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything");
        var response = await client.GetAsync("/ops/peers");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("operator API disabled", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    /// <summary>Mints a token the way run.sh does: the silo's machine-token command with the owner connection.</summary>
    private async Task<(string Name, string Secret)> MintOpsTokenAsync(string permissions)
    {
        var name = $"ops-test-{Guid.NewGuid():N}"[..24];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:NonTaxOwner"] = system.Database.OwnerConnectionString })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await NonTax.Silo.Commands.MachineTokenCommand.RunAsync(
            ["create", "--name", name, "--permissions", permissions, "--days", "2"], output, error, configuration);
        Assert.True(code == 0, error.ToString());
        var secret = output.ToString().Trim();
        Assert.True(NonTax.Infrastructure.MachineTokens.MachineTokenSecret.IsWellFormed(secret), "stdout holds only the secret: " + secret);
        return (name, secret);
    }

    private HttpClient TokenClient(string secret, string? operatorName = null) =>
        OperatorHttp.Create(system.OperationsPort, secret, operatorName);

    [Fact]
    public async Task A_machine_token_reads_with_ops_read_and_changes_only_with_ops_write_under_its_own_name()
    {
        var (_, reader) = await MintOpsTokenAsync("ops.read");
        using (var read = TokenClient(reader))
        {
            Assert.Equal(HttpStatusCode.OK, (await read.GetAsync("/ops/peers")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await read.PostAsync("/ops/green-channel/1/read", null)).StatusCode);
        }

        var bank = system.Peer("D3206820103");
        var title = $"令牌已读 {Guid.NewGuid():N}"[..20];
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2000", [("Title", title), ("Content", "x"), ("Sender", "建行运维")])).ReplyField("Result"));
        var (name, writer) = await MintOpsTokenAsync("ops.read,ops.write");
        // A token acts as itself: the X-Operator header does not make it someone else.
        using var write = TokenClient(writer, "zhang.san");
        var id = (await JsonOf(await write.GetAsync("/ops/green-channel?limit=50"))).EnumerateArray()
            .Single(m => m.GetProperty("title").GetString() == title).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await write.PostAsync($"/ops/green-channel/{id}/read", null)).StatusCode);
        var read2 = (await JsonOf(await write.GetAsync("/ops/green-channel?limit=50"))).EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
        Assert.Equal("token:" + name, read2.GetProperty("readBy").GetString());
        Assert.True(await system.Database.ScalarAsync<bool>("SELECT last_used_at IS NOT NULL FROM nontax.machine_tokens WHERE name = $1", name));
    }

    [Fact]
    public async Task A_token_without_ops_rights_an_expired_and_a_revoked_one_are_refused()
    {
        var store = new NonTax.Infrastructure.MachineTokens.MachineTokenStore(Npgsql.NpgsqlDataSource.Create(system.Database.OwnerConnectionString), TimeProvider.System);
        var web = await store.CreateAsync(new NonTax.Infrastructure.MachineTokens.MachineTokenDraft($"web-only-{Guid.NewGuid():N}"[..24], "x", ["reports.view"], null, 1, "test"));
        using (var client = TokenClient(web.Secret!))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/ops/peers")).StatusCode);
        }

        var expired = NonTax.Infrastructure.MachineTokens.MachineTokenSecret.New();
        await system.Database.ScalarAsync<long>("""
            INSERT INTO nontax.machine_tokens (name, purpose, token_hash, prefix, permissions, created_by, created_at, expires_at)
            VALUES ($1, 'test', $2, $3, ARRAY['ops.read'], 'test', now() - interval '2 days', now() - interval '1 day') RETURNING id
            """, $"ops-expired-{Guid.NewGuid():N}"[..24], NonTax.Infrastructure.MachineTokens.MachineTokenSecret.Hash(expired), expired[..10]);
        using (var client = TokenClient(expired))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/ops/peers")).StatusCode);
        }

        // Revoked: refused once the silo's short cache has let go of it (polled, not timed).
        var (name, secret) = await MintOpsTokenAsync("ops.read");
        using var revoked = TokenClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await revoked.GetAsync("/ops/peers")).StatusCode);
        Assert.True(await store.RevokeAsync(name, "test"));
        Assert.True(await Eventually.HoldsAsync(async () => (await revoked.GetAsync("/ops/peers")).StatusCode == HttpStatusCode.Unauthorized));
        // The dashboard takes a machine token as its Basic password too (an unknown one is refused).
        using var dashboard = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _http.BaseAddress };
        var (_, viewer) = await MintOpsTokenAsync("ops.read");
        dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ops:" + viewer)));
        Assert.True((int)(await dashboard.GetAsync(OperatorApi.DashboardPrefix)).StatusCode is >= 200 and < 400);
        dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ops:" + NonTax.Infrastructure.MachineTokens.MachineTokenSecret.New())));
        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.GetAsync(OperatorApi.DashboardPrefix)).StatusCode);
    }

    [Fact]
    public async Task The_machine_token_command_refuses_web_rights_and_bad_input_and_writes_nothing()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:NonTaxOwner"] = system.Database.OwnerConnectionString })
            .Build();
        foreach (var args in new[]
        {
            new[] { "create", "--name", "cli-refused-a", "--permissions", "reports.view" },
            ["create", "--name", "cli-refused-b", "--days", "400"],
            ["create", "--name", "Cli Refused"],
            ["create", "--name"],
        })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.NotEqual(0, await NonTax.Silo.Commands.MachineTokenCommand.RunAsync(args, output, error, configuration));
            Assert.Equal("", output.ToString());
        }

        Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.machine_tokens WHERE name LIKE 'cli-refused%' OR name = 'Cli Refused'"));
    }

    [Fact]
    public async Task A_machine_token_and_its_creator_are_one_party_in_maker_checker()
    {
        var store = new NonTax.Infrastructure.MachineTokens.MachineTokenStore(Npgsql.NpgsqlDataSource.Create(system.Database.OwnerConnectionString), TimeProvider.System);
        var creator = $"alice-{Guid.NewGuid():N}"[..16];
        var first = (await store.CreateAsync(new NonTax.Infrastructure.MachineTokens.MachineTokenDraft($"party-a-{Guid.NewGuid():N}"[..20], "x", ["ops.write"], null, 1, creator))).Token!;
        var second = (await store.CreateAsync(new NonTax.Infrastructure.MachineTokens.MachineTokenDraft($"party-b-{Guid.NewGuid():N}"[..20], "x", ["ops.write"], null, 1, creator))).Token!;
        Assert.True(await store.SamePartyAsync(first.Actor, creator));
        Assert.True(await store.SamePartyAsync(first.Actor, second.Actor));
        Assert.False(await store.SamePartyAsync(first.Actor, "bob"));
        Assert.False(await store.SamePartyAsync("ops:alice", "ops:bob"));
    }

    [Fact]
    public async Task Peers_are_listed_without_their_tokens()
    {
        var response = await _http.GetAsync("/ops/peers");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var peers = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(system.Peers.Select(p => p.NodeCode).Order(), peers.EnumerateArray().Select(p => p.GetProperty("nodeCode").GetString()!).Order());
        Assert.All(system.Peers, p => Assert.DoesNotContain(p.Token, text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("token\"", text, StringComparison.OrdinalIgnoreCase);

        // Kinds are NodeKind names, read back from the peers table's own names (payment_platform…).
        var kinds = peers.EnumerateArray().ToDictionary(p => p.GetProperty("nodeCode").GetString()!, p => p.GetProperty("kind").GetString());
        Assert.Equal("AgentBank", kinds["D3206820105"]);
        Assert.Equal("PublicPaymentPlatform", kinds["G000001"]);
        Assert.Equal("UnitPlatform", kinds["K3206820001"]);
    }

    [Fact]
    public async Task A_peer_list_saved_with_the_former_kind_names_still_reads()
    {
        var text = await (await _http.GetAsync("/ops/peers")).Content.ReadAsStringAsync();
        var former = text.Replace("\"PublicPaymentPlatform\"", "\"PaymentPlatform\"", StringComparison.Ordinal);
        Assert.NotEqual(text, former);
        var peers = JsonSerializer.Deserialize<PeerView[]>(former, OperatorJson.Options)!;
        Assert.Equal(NodeKind.PublicPaymentPlatform, Assert.Single(peers, p => p.NodeCode == "G000001").Kind);
        Assert.Equal(NodeKind.AgentBank, Assert.Single(peers, p => p.NodeCode == "D3206820105").Kind);
    }

    [Fact]
    public async Task A_peer_is_edited_under_its_version_and_the_change_is_logged_without_the_token()
    {
        const string node = "K3206820001";
        var version = (await PeerAsync(node)).GetProperty("version").GetInt32();
        var body = new { expectedVersion = version, changes = new { name = "如皋市单位开票平台（新）", allowedNetworks = new[] { "10.9.0.0/16" }, enabled = true } };
        var edited = await JsonOf(await _http.PostAsJsonAsync($"/ops/peers/{node}", body));
        Assert.Equal(version + 1, edited.GetProperty("version").GetInt32());
        Assert.Equal("如皋市单位开票平台（新）", edited.GetProperty("name").GetString());
        Assert.Equal(["10.9.0.0/16"], edited.GetProperty("allowedNetworks").EnumerateArray().Select(n => n.GetString()));

        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsJsonAsync($"/ops/peers/{node}", body)).StatusCode);
        var detail = await system.Database.ScalarAsync<string>(
            "SELECT detail::text FROM nontax.peer_changes WHERE node_code = $1 AND change = 'updated' AND changed_by = 'ops:zhang.san' ORDER BY id DESC LIMIT 1", node);
        Assert.Contains("10.9.0.0/16", detail);
        Assert.DoesNotContain(system.Peer(node).Token, detail!, StringComparison.OrdinalIgnoreCase);

        var undo = new { expectedVersion = version + 1, changes = new { allowedNetworks = Array.Empty<string>() } };
        await JsonOf(await _http.PostAsJsonAsync($"/ops/peers/{node}", undo));
    }

    [Theory]
    [InlineData("{\"expectedVersion\":1,\"changes\":{\"allowedNetworks\":[\"10.9.0.0/33\"]}}")]
    [InlineData("{\"expectedVersion\":1,\"changes\":{}}")]
    [InlineData("{\"changes\":{\"name\":\"x\"}}")]
    [InlineData("{\"expectedVersion\":1,\"changes\":{\"endpointPort\":0}}")]
    public async Task Invalid_edits_are_refused_400(string json)
    {
        var node = "G000001";
        var current = (await PeerAsync(node)).GetProperty("version").GetInt32();
        var body = new StringContent(json.Replace("\"expectedVersion\":1", $"\"expectedVersion\":{current}", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync($"/ops/peers/{node}", body)).StatusCode);
        Assert.Equal(current, (await PeerAsync(node)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Unknown_peers_answer_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsJsonAsync("/ops/peers/D3206829999/token", new { token = new string('n', 32) })).StatusCode);

    [Fact]
    public async Task A_rotated_token_signs_from_now_on_and_the_old_one_still_works_during_the_grace()
    {
        var peer = system.Peer("D3206820105");
        var oldPeer = peer with { };
        var newToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsJsonAsync($"/ops/peers/{peer.NodeCode}/token", new { token = "short" })).StatusCode);
        var rotated = await JsonOf(await _http.PostAsJsonAsync($"/ops/peers/{peer.NodeCode}/token", new { token = newToken, grace = "01:00:00" }));
        Assert.True(rotated.TryGetProperty("previousTokenExpiresAt", out var expires) && expires.ValueKind == JsonValueKind.String);
        peer.Token = newToken;

        // The edge sees the change within its peer cache lifetime; until then the new token is not yet accepted.
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await system.Finance.SendAsync(peer, "2002", [("Info", "after rotation")])).ReplyField("Result") == "00000";
            }
            catch (IOException)
            {
                return false;
            }
        }));

        // The bank may not have switched yet: its old token is still accepted (the reply is signed with the current one).
        var frame = system.Finance.BuildFrame(oldPeer, "2002", [("Info", "old token")], system.Finance.NewMsgId());
        var reply = await system.Finance.SendRawAsync(frame);
        Assert.NotNull(reply);
        Assert.True(NonTax.Protocol.Security.Mac.Verify(reply.Mac, reply.Body.Span, [newToken]));
        Assert.Equal("00000", NonTax.Protocol.Envelope.EnvelopeReader.Parse(reply.Body.Span, reply.MsgNo).Envelope!.First.Voucher["Result"]);
        var logged = await system.Database.ScalarAsync<string>(
            "SELECT detail::text FROM nontax.peer_changes WHERE node_code = $1 AND change = 'token-rotated' ORDER BY id DESC LIMIT 1", peer.NodeCode);
        Assert.DoesNotContain(newToken, logged!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(oldPeer.Token, logged!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Green_channel_messages_are_listed_newest_first_and_marked_read_once()
    {
        var bank = system.Peer("D3206820103");
        var first = $"停电通知 {Guid.NewGuid():N}"[..20];
        var second = $"系统升级 {Guid.NewGuid():N}"[..20];
        foreach (var title in new[] { first, second })
        {
            var sent = await system.Finance.SendAsync(bank, "2000", [("Title", title), ("Content", "今晚 22:00 起暂停服务"), ("Sender", "建行运维")]);
            Assert.Equal("00000", sent.ReplyField("Result"));
        }

        var messages = (await JsonOf(await _http.GetAsync("/ops/green-channel?limit=50"))).EnumerateArray().ToList();
        var titles = messages.Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.True(titles.IndexOf(second) < titles.IndexOf(first) && titles.IndexOf(second) >= 0);
        var id = messages.Single(m => m.GetProperty("title").GetString() == first).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsync($"/ops/green-channel/{id}/read", null)).StatusCode);
        using (var other = new HttpRequestMessage(HttpMethod.Post, $"/ops/green-channel/{id}/read"))
        {
            other.Headers.Add(OperatorName.Header, "li.si");
            Assert.Equal(HttpStatusCode.NoContent, (await _http.SendAsync(other)).StatusCode);
        }

        var read = (await JsonOf(await _http.GetAsync("/ops/green-channel"))).EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
        Assert.Equal("ops:zhang.san", read.GetProperty("readBy").GetString());
        var unread = (await JsonOf(await _http.GetAsync("/ops/green-channel?unread=true"))).EnumerateArray();
        Assert.DoesNotContain(unread, m => m.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("/ops/green-channel/999999999/read", null)).StatusCode);
    }

    [Fact]
    public async Task A_dead_message_is_shown_retried_and_closed_with_a_reason()
    {
        // G000001's server is not running in this fixture, so every attempt fails and the message dies after 2 s.
        const string node = "G000001";
        var instructionId = $"ops-test-{Guid.NewGuid():N}";
        await system.Grains.GetGrain<IBankLinkGrain>(node).Enqueue(new OutboundInstruction(
            instructionId, "5000", instructionId, [new VoucherField("Title", "test"), new VoucherField("Content", "test"), new VoucherField("Sender", "finance")], DateTimeOffset.UtcNow));

        async Task<JsonElement?> MessageAsync() =>
            (await JsonOf(await _http.GetAsync($"/ops/links/{node}"))).EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("instructionId").GetString() == instructionId);

        Assert.True(await Eventually.HoldsAsync(async () => (await MessageAsync())?.GetProperty("status").GetString() == "Dead"));
        var attemptsWhenDead = (await MessageAsync())!.Value.GetProperty("attempts").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsync($"/ops/links/{node}/{instructionId}/retry", null)).StatusCode);
        // The retry sends it again. (Its status is no proof: with the fixture's 2 s DeadAfter and the
        // server still down, the new attempt may turn it Dead again before it is read.)
        Assert.True(await Eventually.HoldsAsync(async () => (await MessageAsync())!.Value.GetProperty("attempts").GetInt32() > attemptsWhenDead));

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsJsonAsync($"/ops/links/{node}/{instructionId}/close", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsJsonAsync($"/ops/links/{node}/{instructionId}/close", new { reason = "settled by phone" })).StatusCode);
        var closed = (await MessageAsync())!.Value;
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("settled by phone", closed.GetProperty("closedReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync($"/ops/links/{node}/{instructionId}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsJsonAsync($"/ops/links/{node}/{instructionId}/close", new { reason = "again" })).StatusCode);
    }

    [Fact]
    public async Task A_link_of_something_that_is_not_a_node_code_is_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/ops/links/bogus")).StatusCode);

    [Fact]
    public async Task Base_data_is_imported_row_by_row_with_a_report_and_a_bad_document_changes_nothing()
    {
        var unitCode = "03" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var document = $$"""
            {
              "bureau": { "financeNode": "F320682", "regionCode": "320682", "name": "如皋市财政局" },
              "units": [
                { "profile": { "unitCode": "{{unitCode}}", "name": "如皋市交通运输局", "supervisingDepartment": "如皋市交通运输局",
                               "regionCode": "320682", "financeNode": "F320682", "issuerNumber": {{Random.Shared.Next(10, 99)}},
                               "payeeAccountNo": "32001647236051117660", "status": "Active" },
                  "itemCodes": [ "103043211" ] },
                { "profile": { "unitCode": "{{unitCode}}9", "name": "收费项目不存在的单位", "supervisingDepartment": "",
                               "regionCode": "320682", "financeNode": "F320682", "issuerNumber": 9,
                               "payeeAccountNo": "32001647236051117660", "status": "Active" },
                  "itemCodes": [ "999999999" ] }
              ]
            }
            """;
        var report = await JsonOf(await _http.PostAsync("/ops/base-data/import", new StringContent(document, System.Text.Encoding.UTF8, "application/json")));
        Assert.True(report.GetProperty("applied").GetInt32() >= 1, report.ToString());
        Assert.True(report.GetProperty("refused").GetInt32() >= 1, report.ToString());
        var unit = await system.Grains.GetGrain<NonTax.Grains.Abstractions.Units.ICollectingUnitGrain>(unitCode).Get();
        Assert.NotNull(unit);

        var broken = await _http.PostAsync("/ops/base-data/import", new StringContent("{ \"units\": [ { \"profile\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }
}
