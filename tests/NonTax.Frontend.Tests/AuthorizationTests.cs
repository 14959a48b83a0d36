using System.Net;
using System.Net.Http.Json;
using NonTax.Frontend.Accounts;
using Npgsql;

namespace NonTax.Frontend.Tests;

/// <summary>
/// Every page and API call refuses the roles that must not reach it (over HTTP, as a browser or a
/// program would ask), and the audit log cannot be changed by the application's database role.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class AuthorizationTests(WebSystemFixture system)
{
    private static readonly string[] Pages = ["/notices", "/notices/issue", "/notices/import", "/wall", "/admin/users", "/admin/audit", "/ops/dashboard/", "/peers", "/refunds", "/reconciliation", "/bank-accounts", "/bank-accounts/supervised", "/bank-accounts/32001647236051117660", "/alerts", "/clearing", "/bills", "/ops/health", "/notices/ebills", "/reports", "/reports/income-trend", "/admin/machine-tokens"];

    // Which of the pages above each role reaches; every other one must be refused.
    public static TheoryData<string, string?, string[]> Reach => new()
    {
        { WebRoles.FinanceAdministrator, null, ["/notices", "/wall", "/admin/users", "/admin/machine-tokens", "/peers", "/refunds", "/reconciliation", "/bank-accounts", "/bank-accounts/supervised", "/bank-accounts/32001647236051117660", "/alerts", "/clearing", "/bills", "/reports", "/reports/income-trend"] },
        { WebRoles.FinanceOperator, null, ["/notices", "/notices/issue", "/notices/import", "/wall", "/peers", "/refunds", "/reconciliation", "/bank-accounts", "/bank-accounts/supervised", "/bank-accounts/32001647236051117660", "/alerts", "/clearing", "/bills", "/notices/ebills", "/reports", "/reports/income-trend"] },
        { WebRoles.Auditor, null, ["/notices", "/admin/audit", "/peers", "/refunds", "/reconciliation", "/bank-accounts", "/bank-accounts/supervised", "/bank-accounts/32001647236051117660", "/alerts", "/clearing", "/bills", "/reports", "/reports/income-trend"] },
        { WebRoles.UnitBillingClerk, "0201001", ["/notices", "/notices/issue", "/notices/import", "/refunds", "/bills", "/notices/ebills"] },
        { WebRoles.UnitSupervisor, "0201001", ["/notices", "/notices/issue", "/notices/import", "/refunds", "/bills", "/notices/ebills", "/reports", "/reports/income-trend"] },
        { WebRoles.Operations, null, ["/wall", "/ops/dashboard/", "/peers", "/alerts", "/ops/health", "/admin/machine-tokens"] },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task Each_role_reaches_its_pages_and_is_refused_the_others(string role, string? unit, string[] allowed)
    {
        using var client = await system.SignedInClientAsync(await system.CreateUserAsync(role, unit));
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(page);
            if (allowed.Contains(page))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should reach {page}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
            else
            {
                Assert.True(IsRefused(response), $"{role} must not reach {page}, got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_api_refuses_strangers_and_roles_without_the_right()
    {
        using (var anonymous = system.NewClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notices")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/peers")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/machine-tokens")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/peers/D3206820105/token-changes", new { token = "Ab3$efgh1jkLmn0pQr" })).StatusCode);
            // What is public stays public.
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/pay")).StatusCode);
        }

        var body = new { unitCode = "0201001", payerName = "周五", itemCode = "103050101", amount = 10.00m };
        using (var auditor = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.Auditor)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/notices", body)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit")).StatusCode);
            // Machine tokens are minted by finance administrators and operations staff only.
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/machine-tokens")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/machine-tokens", new { name = "auditor-token", purpose = "x", permissions = new[] { "audit.view" }, days = 1 })).StatusCode);
            // An auditor reads the peers but neither proposes nor approves a token.
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/peers")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/peers/D3206820105/token-changes", new { token = "Ab3$efgh1jkLmn0pQr" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/peers/token-changes/1/approve", null)).StatusCode);
            // An auditor reads refunds and reconciliation and changes neither.
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/refunds")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/reconciliation/20261201")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/refunds/B3206822600000000001001/approve", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/reconciliation/20261201/D3206820105/differences/1/resolve", new { resolution = "accepted", note = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/notices/32068226000000000010/refunds", new { applicationNo = "A", amount = 1.00m, reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/alerts")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/clearing/20261201")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/bills/stock")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/alerts/any/acknowledge", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/alerts/any/close", new { note = "x" })).StatusCode);
        }

        using (var clerk = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, "0104901")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/peers")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/peers/token-changes")).StatusCode);
            // A clerk applies for refunds but neither approves one nor reads reconciliation, and sees only the unit's own refunds.
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/refunds/B3206822600000000001001/approve", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/reconciliation/20261201")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/alerts")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/clearing/20261201")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/reports/income-trend")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/reports/bank-receipts/export")).StatusCode);
            // Bill stock: the unit's own only, whatever holder is asked for, and no finance stock.
            var stock = await clerk.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/bills/stock?holder=0201001");
            Assert.Empty(stock.GetProperty("finance").EnumerateArray());
            Assert.All(stock.GetProperty("units").EnumerateArray(), s => Assert.Equal("0104901", s.GetProperty("holder").GetString()));
            var refunds = await clerk.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/refunds?unit=0201001");
            Assert.All(refunds.EnumerateArray(), r => Assert.Equal("0104901", r.GetProperty("unitCode").GetString()));
            // Another unit's notice is refused before any grain is asked.
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/notices/32068226000000000010/refunds", new { applicationNo = "A", unitCode = "0201001", amount = 1.00m, reason = "x" })).StatusCode);
            // A unit's clerk may issue, but only for their own unit.
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/notices", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/notices/32068226000000000010/void", new { reason = "x" })).StatusCode);
        }

        using (var operatorClient = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceOperator)))
        {
            var issued = await operatorClient.PostAsJsonAsync("/api/notices", body);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            var payCode = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("payCode").GetString();
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/notices/{payCode}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/notices/{payCode}/void", new { reason = "开错了" })).StatusCode);
            // A finance operator may propose a token (the maker) but not approve one (the checker).
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/peers/token-changes/1/approve", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/peers/token-changes/1/reject", new { note = "x" })).StatusCode);
        }
    }

    [Fact]
    public async Task A_user_who_must_change_the_password_reaches_no_api()
    {
        using var client = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceOperator, mustChangePassword: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/notices")).StatusCode);
    }

    [Fact]
    public async Task The_audit_log_takes_new_lines_but_nobody_using_the_system_can_change_or_delete_one()
    {
        // The frontend writes the log; the silo's role may not rewrite it either.
        foreach (var role in new[] { system.Database.FrontendConnectionString, system.Database.AppConnectionString })
        {
            await using var connection = new NpgsqlConnection(role);
            await connection.OpenAsync();
            await using (var insert = new NpgsqlCommand("INSERT INTO nontax.web_audit_log (actor, action, outcome) VALUES ('test', 'test.line', 'ok')", connection))
            {
                Assert.Equal(1, await insert.ExecuteNonQueryAsync());
            }

            foreach (var sql in new[] { "UPDATE nontax.web_audit_log SET outcome = 'changed'", "DELETE FROM nontax.web_audit_log", "TRUNCATE nontax.web_audit_log" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }

        // Not even the owner, short of dropping the trigger in a migration.
        await using var owner = new NpgsqlConnection(system.Database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var ownerUpdate = new NpgsqlCommand("UPDATE nontax.web_audit_log SET outcome = 'changed'", owner);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => ownerUpdate.ExecuteNonQueryAsync())).SqlState);
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true);
}
