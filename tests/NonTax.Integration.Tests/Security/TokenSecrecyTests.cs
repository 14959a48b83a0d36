using System.Security.Cryptography;
using System.Text;
using NonTax.BankSimulator;
using NonTax.Integration.Tests.Edge;
using Npgsql;

namespace NonTax.Integration.Tests.Security;

/// <summary>
/// Tokens are kept only as ciphertext: after a bank changes its token with 2003 and keeps
/// talking, no row of any table — raw frames in the archive, stored replies, the peers' change
/// history, grain state — holds the old or the new token in plain text, as text or as bytes.
/// </summary>
public sealed class TokenSecrecyTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    [Fact]
    public async Task No_table_holds_a_token_in_plain_text_after_a_token_change()
    {
        var bank = system.Peer("D3206820103");
        var oldToken = bank.Token;
        var newToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        Assert.Equal(0, await scenarios.RunAsync(new SimulatorArguments(["token", newToken, "--as", bank.NodeCode]), CancellationToken.None));
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2002", [("Info", "after the change")])).ReplyField("Result"));
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2000", [("Title", "通知"), ("Content", "令牌已更换"), ("Sender", "张三")])).ReplyField("Result"));

        await using var connection = new NpgsqlConnection(system.Database.OwnerConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname IN ('public', 'nontax')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("nontax.message_archive", tables);
        Assert.True(await CountAsync(connection, "SELECT count(*) FROM nontax.message_archive WHERE peer = $1 AND msg_no = '2003'", bank.NodeCode) > 0);
        foreach (var token in new[] { oldToken, newToken })
        {
            // A whole row as text shows bytea as hex, so look for the token as text and as hex of its bytes.
            var hex = Convert.ToHexString(Encoding.ASCII.GetBytes(token)).ToLowerInvariant();
            foreach (var table in tables)
            {
                var found = await CountAsync(connection, $"SELECT count(*) FROM {table} t WHERE strpos(t::text, $1) > 0 OR strpos(lower(t::text), $2) > 0", token, hex);
                Assert.True(found == 0, $"{table} holds a token in plain text in {found} rows");
            }
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
