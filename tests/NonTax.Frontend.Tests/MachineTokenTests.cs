using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using NonTax.Frontend.Accounts;
using NonTax.Infrastructure.MachineTokens;
using NonTax.Infrastructure.Peers;

namespace NonTax.Frontend.Tests;

/// <summary>
/// Named, scoped machine tokens over HTTP as a program meets them: a bearer token reaches exactly
/// its rights and its unit, expired and revoked ones are refused, the secret is stored only as a
/// hash, every call is audited under the token's name, and a token is never the checker of a
/// change it or its creator proposed.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed partial class MachineTokenTests(WebSystemFixture system)
{
    private static string NewName(string what) => $"{what}-{Guid.NewGuid():N}"[..30];

    private async Task<(string Name, string Secret)> MintAsync(HttpClient creator, string[] permissions, string? unit = null)
    {
        var name = NewName("test");
        var response = await creator.PostAsJsonAsync("/api/machine-tokens", new { name, purpose = "测试", permissions, unitCode = unit, days = 30 });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (name, body.GetProperty("secret").GetString()!);
    }

    private HttpClient Bearer(string secret)
    {
        var client = system.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_reports_token_reads_reports_and_nothing_else_and_each_call_is_audited_under_its_name()
    {
        using var admin = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceAdministrator));
        var (name, secret) = await MintAsync(admin, ["reports.view"]);
        Assert.Matches("^ntm_[0-9A-Za-z]{40}$", secret);

        using var token = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/machine-tokens")).StatusCode);
        // Only the JSON API takes a token: pages are for people.
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/reports")).StatusCode);
        // The API is described with the rest.
        using (var anonymous = system.NewClient())
        {
            Assert.Contains("/api/machine-tokens", await anonymous.GetStringAsync("/openapi/v1.json"));
        }

        // The secret is taken from the Authorization header only: not from the query string.
        using (var query = system.NewClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await query.GetAsync($"/api/reports?access_token={secret}")).StatusCode);
        }

        // Only the hash and a short prefix are stored; no column holds the secret.
        Assert.Equal(1L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.machine_tokens WHERE name = $1 AND token_hash = $2 AND prefix = $3", name, MachineTokenSecret.Hash(secret), secret[..10]));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.machine_tokens t WHERE strpos(t::text, $1) > 0", secret));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.web_audit_log a WHERE strpos(a::text, $1) > 0", secret));

        var audited = await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE actor = $1 AND action = 'token.call' AND target IN ('GET /api/reports', 'GET /api/notices', 'GET /api/audit', 'GET /api/machine-tokens')",
            "token:" + name);
        Assert.Equal(4L, audited);
        Assert.True(await system.Database.ScalarAsync<bool>("SELECT last_used_at IS NOT NULL FROM nontax.machine_tokens WHERE name = $1", name));
    }

    [Fact]
    public async Task A_token_gets_only_rights_its_creator_holds_and_never_to_manage_people_or_tokens()
    {
        using var admin = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceAdministrator));
        foreach (var permissions in new[] { new[] { "notices.issue" }, ["users.manage"], ["machinetokens.manage"], ["ops.read"], ["no.such"], [] })
        {
            var name = NewName("refused");
            var response = await admin.PostAsJsonAsync("/api/machine-tokens", new { name, purpose = "x", permissions, days = 30 });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.machine_tokens WHERE name = $1", name));
        }

        foreach (var days in new[] { 0, 366 })
        {
            var response = await admin.PostAsJsonAsync("/api/machine-tokens", new { name = NewName("days"), purpose = "x", permissions = new[] { "reports.view" }, days });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // A finance operator cannot mint at all; an operations user can mint an ops.read token.
        using var financeOperator = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceOperator));
        Assert.Equal(HttpStatusCode.Forbidden, (await financeOperator.PostAsJsonAsync("/api/machine-tokens", new { name = NewName("op"), purpose = "x", permissions = new[] { "notices.view" }, days = 1 })).StatusCode);
        using var operations = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.Operations));
        await MintAsync(operations, ["ops.read"]);
    }

    [Fact]
    public async Task A_unit_token_sees_only_its_units_notices()
    {
        using var financeOperator = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceOperator));
        var issued = await financeOperator.PostAsJsonAsync("/api/notices", new { unitCode = "0201001", payerName = "令牌测试", itemCode = "103050101", amount = 12.00m });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var payCode = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payCode").GetString();

        using var admin = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceAdministrator));
        var (_, bureauSecret) = await MintAsync(admin, ["notices.view"]);
        var (_, unitSecret) = await MintAsync(admin, ["notices.view"], unit: "0104901");

        using var bureau = Bearer(bureauSecret);
        var seen = await bureau.GetFromJsonAsync<JsonElement>($"/api/notices?payCode={payCode}");
        Assert.Contains(seen.EnumerateArray(), n => n.GetProperty("payCode").GetString() == payCode);

        using var unit = Bearer(unitSecret);
        var unseen = await unit.GetFromJsonAsync<JsonElement>($"/api/notices?payCode={payCode}");
        Assert.DoesNotContain(unseen.EnumerateArray(), n => n.GetProperty("payCode").GetString() == payCode);
        var own = await unit.GetFromJsonAsync<JsonElement>("/api/notices?unit=0201001");
        Assert.All(own.EnumerateArray(), n => Assert.Equal("0104901", n.GetProperty("unitCode").GetString()));
        Assert.NotEqual(HttpStatusCode.OK, (await unit.GetAsync($"/api/notices/{payCode}")).StatusCode);
    }

    [Fact]
    public async Task Expired_revoked_and_unknown_tokens_are_refused_401()
    {
        using var admin = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceAdministrator));
        var (name, secret) = await MintAsync(admin, ["reports.view"]);
        using var token = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/machine-tokens/{name}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/machine-tokens/{name}/revoke", null)).StatusCode);
        Assert.Equal(1L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE actor = $1 AND action = 'token.refused'", "token:" + name));

        // A token past its expiry (written as if minted two days ago for one day).
        var expired = MachineTokenSecret.New();
        await system.Database.ScalarAsync<long>("""
            INSERT INTO nontax.machine_tokens (name, purpose, token_hash, prefix, permissions, created_by, created_at, expires_at)
            VALUES ($1, 'test', $2, $3, ARRAY['reports.view'], 'test', now() - interval '2 days', now() - interval '1 day') RETURNING id
            """, NewName("expired"), MachineTokenSecret.Hash(expired), expired[..10]);
        using (var old = Bearer(expired))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/reports")).StatusCode);
        }

        using (var unknown = Bearer(MachineTokenSecret.New()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/reports")).StatusCode);
        }

        using var malformed = Bearer("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await malformed.GetAsync("/api/reports")).StatusCode);
    }

    [Fact]
    public async Task A_token_never_decides_a_token_change_it_or_its_creator_proposed()
    {
        var registry = system.SiloServices.GetRequiredService<PeerRegistry>();
        var nodeCode = "D32068203" + RandomNumberGenerator.GetInt32(10, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await registry.AddIfAbsentAsync(new PeerDefinition { NodeCode = nodeCode, Name = "令牌四眼测试银行", Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) }, "test"));

        var creatorName = await system.CreateUserAsync(WebRoles.FinanceAdministrator);
        using var creator = await system.SignedInClientAsync(creatorName);
        var (name, secret) = await MintAsync(creator, ["peers.view", "peers.propose", "peers.approve"]);
        var (_, sibling) = await MintAsync(creator, ["peers.approve"]);

        // A bearer POST: no cookie, no antiforgery token, and it works.
        using var token = Bearer(secret);
        var proposed = await token.PostAsJsonAsync($"/api/peers/{nodeCode}/token-changes", new { token = "Mach1ne!Token-42", graceHours = 1 });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal("token:" + name, await system.Database.ScalarAsync<string>("SELECT proposed_by FROM nontax.peer_token_proposals WHERE id = $1", id));

        // Neither the token, nor its creator, nor another token of the same creator may decide it.
        foreach (var checker in new[] { token, creator, Bearer(sibling) })
        {
            var refused = await checker.PostAsync($"/api/peers/token-changes/{id}/approve", null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("OwnProposal", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal("pending", await system.Database.ScalarAsync<string>("SELECT status FROM nontax.peer_token_proposals WHERE id = $1", id));
        // A second person can.
        using var second = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceAdministrator));
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync($"/api/peers/token-changes/{id}/reject", new { note = "test" })).StatusCode);
    }

    [Fact]
    public async Task The_page_mints_a_token_shows_its_secret_once_and_revokes_it()
    {
        using var client = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.Operations));
        var form = await client.GetStringAsync("/admin/machine-tokens");
        Assert.Contains("value=\"ops.read\"", form);
        Assert.DoesNotContain("value=\"reports.view\"", form);
        var name = NewName("page");
        var created = await client.PostAsync("/admin/machine-tokens?handler=Create", new FormUrlEncodedContent(
        [
            new("NewName", name), new("NewPurpose", "备份检查"), new("NewPermissions", "ops.read"), new("NewPermissions", "alerts.view"),
            new("NewDays", "7"), new("__RequestVerificationToken", Antiforgery(form)),
        ]));
        var page = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = SecretOnPage().Match(page).Groups[1].Value;
        Assert.True(MachineTokenSecret.IsWellFormed(secret), page);
        Assert.Equal("alerts.view,ops.read", await system.Database.ScalarAsync<string>("SELECT array_to_string(permissions, ',') FROM nontax.machine_tokens WHERE name = $1", name));

        // The list shows it by name and prefix, never the secret again.
        var list = await client.GetStringAsync("/admin/machine-tokens");
        Assert.Contains(name, list);
        Assert.Contains(secret[..10], list);
        Assert.DoesNotContain(secret, list);

        var revoked = await client.PostAsync("/admin/machine-tokens?handler=Revoke", new FormUrlEncodedContent(
            [new("name", name), new("__RequestVerificationToken", Antiforgery(list))]));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.True(await system.Database.ScalarAsync<bool>("SELECT revoked_at IS NOT NULL FROM nontax.machine_tokens WHERE name = $1", name));
    }

    private static string Antiforgery(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    [System.Text.RegularExpressions.GeneratedRegex("id=\"token-secret\">(ntm_[0-9A-Za-z]+)<")]
    private static partial System.Text.RegularExpressions.Regex SecretOnPage();
}
