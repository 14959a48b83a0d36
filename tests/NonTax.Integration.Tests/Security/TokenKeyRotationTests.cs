using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using NonTax.BankSimulator;
using NonTax.Infrastructure.Peers;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Silo.Commands;
using Npgsql;

namespace NonTax.Integration.Tests.Security;

/// <summary>
/// <c>Security:TokenKey</c> replaced without re-entering any bank's token (docs/operations.md
/// "Runbook: tokens and emergencies"), on real PostgreSQL with real socket edges: a bank's MAC is
/// verified by an edge on the old key alone, by one holding both keys before and after
/// <c>rotate-token-key</c>, and by one on the new key alone afterwards; the old key alone then
/// reads nothing; a wrong previous key is refused with nothing changed, and a second run changes nothing.
/// </summary>
public sealed class TokenKeyRotationTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    private const string Bank = "D3206820105";
    private const string RotatedPeer = "G000001";

    [Fact]
    public async Task Every_stored_token_moves_to_the_new_key_while_the_edge_keeps_verifying_the_banks_mac()
    {
        var oldKey = system.TokenKey;
        var newKey = NewKey();
        var oldCipher = new TokenAtRestCipher(oldKey);
        var dataSource = system.SiloServices.GetRequiredService<NpgsqlDataSource>();
        var registry = new PeerRegistry(dataSource, oldCipher, TimeProvider.System);

        // Under the old key: every peer's token, one peer's previous token in its grace period and a pending proposal.
        var payCode = TestPayCodes.New("97");
        var issued = await Scenarios(system.Finance).IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None);
        Assert.Equal("00000", issued.ReplyField("Result"));
        var rotated = (await registry.FindAsync(RotatedPeer))!;
        Assert.True(await registry.RotateTokenAsync(RotatedPeer, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), TimeSpan.FromDays(1), rotated.Version, "test"));
        var proposedToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO nontax.peer_token_proposals (node_code, token_cipher, token_length, grace_seconds, base_version, proposed_by) VALUES ($1, $2, 32, 60, 1, 'maker')"))
        {
            insert.Parameters.AddWithValue(Bank);
            insert.Parameters.AddWithValue(oldCipher.Encrypt(Bank, proposedToken));
            await insert.ExecuteNonQueryAsync();
        }

        var tokensBefore = (await registry.ListAsync()).ToDictionary(p => p.NodeCode, p => (p.Token, p.PreviousToken));
        var stored = await StoredCiphertextsAsync();
        Assert.Equal(system.Peers.Count + 2, stored.Count);

        // Before: the fixture's edge holds the old key only.
        await AssertQueryAnsweredAsync(system.Finance, payCode);

        // Both keys everywhere: an edge with the new key as current still reads the old rows.
        await using var both = await StartEdgeAsync(newKey, oldKey);
        await AssertQueryAnsweredAsync(both.Finance, payCode);

        // A wrong previous key: refused, naming every row, and not one byte changed.
        var wrong = new StringWriter();
        Assert.Equal(2, await RotateAsync(newKey, NewKey(), wrong));
        Assert.Contains($"peers {Bank} token_cipher", wrong.ToString());
        Assert.Contains($"peers {RotatedPeer} previous_token_cipher", wrong.ToString());
        Assert.Contains("peer_token_proposals", wrong.ToString());
        Assert.Equal(stored, await StoredCiphertextsAsync());

        var output = new StringWriter();
        Assert.Equal(0, await RotateAsync(newKey, oldKey, output));
        Assert.Contains($"{system.Peers.Count} peer token(s), 1 previous token(s)", output.ToString());
        Assert.Contains("1 pending token proposal(s); 0 already under the current key", output.ToString());
        foreach (var (token, previous) in tokensBefore.Values)
        {
            Assert.DoesNotContain(token, output.ToString());
            Assert.DoesNotContain(previous ?? token, output.ToString());
        }

        Assert.DoesNotContain(proposedToken, output.ToString());
        Assert.DoesNotContain(newKey, output.ToString());
        Assert.DoesNotContain(oldKey, output.ToString());

        // During (both keys) and after (new key alone) the banks' MACs verify; the tokens are the same ones.
        await AssertQueryAnsweredAsync(both.Finance, payCode);
        await using (var after = await StartEdgeAsync(newKey, null))
        {
            await AssertQueryAnsweredAsync(after.Finance, payCode);
        }

        var newCipher = new TokenAtRestCipher(newKey);
        var tokensAfter = (await new PeerRegistry(dataSource, newCipher, TimeProvider.System).ListAsync()).ToDictionary(p => p.NodeCode, p => (p.Token, p.PreviousToken));
        Assert.Equal(tokensBefore, tokensAfter);
        var afterRotation = await StoredCiphertextsAsync();
        Assert.Equal(proposedToken, newCipher.Decrypt(Bank, afterRotation[$"proposal {Bank}"]));
        Assert.All(afterRotation, row => Assert.NotEqual(stored[row.Key], row.Value));

        // The old key alone no longer reads any of them.
        Assert.All(afterRotation, row => Assert.Equal(TokenCiphertextKey.Neither, oldCipher.Identify(row.Key.Split(' ')[1], row.Value)));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => new PeerRegistry(dataSource, oldCipher, TimeProvider.System).ListAsync());

        // A second run has nothing left to do and changes nothing.
        var again = new StringWriter();
        Assert.Equal(0, await RotateAsync(newKey, oldKey, again));
        Assert.Contains($"0 peer token(s), 0 previous token(s) in their grace period, 0 pending token proposal(s); {system.Peers.Count + 2} already under the current key", again.ToString());
        Assert.Equal(afterRotation, await StoredCiphertextsAsync());
    }

    private Scenarios Scenarios(FinanceClient finance) => new(finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);

    private async Task AssertQueryAnsweredAsync(FinanceClient finance, string payCode)
    {
        // The client throws if the reply's MAC does not verify under the bank's token; 90001 would be a refused MAC.
        var reply = await Scenarios(finance).QueryAsync(system.Peer(Bank), payCode, null, CancellationToken.None);
        Assert.Equal("5603", reply.ReplyMsgNo);
        Assert.Equal("80.00", reply.ReplyField("Amt"));
    }

    private async Task<int> RotateAsync(string key, string previousKey, TextWriter output)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:NonTax"] = system.Database.AppConnectionString,
            [PeerServiceCollectionExtensions.TokenKeySetting] = key,
            [PeerServiceCollectionExtensions.PreviousTokenKeySetting] = previousKey,
        }).Build();
        return await RotateTokenKeyCommand.RunAsync(configuration, output, CancellationToken.None);
    }

    /// <summary>Every ciphertext under the token key, by "kind node" (one pending proposal per peer).</summary>
    private async Task<Dictionary<string, byte[]>> StoredCiphertextsAsync()
    {
        var rows = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(system.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT 'token ' || node_code, token_cipher FROM nontax.peers
            UNION ALL SELECT 'previous ' || node_code, previous_token_cipher FROM nontax.peers WHERE previous_token_cipher IS NOT NULL
            UNION ALL SELECT 'proposal ' || node_code, token_cipher FROM nontax.peer_token_proposals WHERE token_cipher IS NOT NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), reader.GetFieldValue<byte[]>(1));
        }

        return rows;
    }

    private async Task<RunningEdge> StartEdgeAsync(string key, string? previousKey)
    {
        var port = FullSilo.FreePort();
        var edge = await system.StartEdgeAsync(port, FullSilo.FreePort(), new Dictionary<string, string?>
        {
            [PeerServiceCollectionExtensions.TokenKeySetting] = key,
            [PeerServiceCollectionExtensions.PreviousTokenKeySetting] = previousKey,
        });
        return new RunningEdge(edge, new FinanceClient("127.0.0.1", port, EdgeSystemFixture.FinanceNode));
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed record RunningEdge(WebApplication Edge, FinanceClient Finance) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Edge.StopAsync();
            await Edge.DisposeAsync();
        }
    }
}
