using System.Security.Cryptography;
using NonTax.Infrastructure.Peers;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;

namespace NonTax.Integration.Tests.Peers;

/// <summary>
/// Seeding the peer registry from a peers file on real PostgreSQL: tokens of 8–64 characters are
/// taken, a bad row is reported and skipped, and the other peers are still seeded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SandboxPeerSeedingTests(PostgresFixture database) : IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nontax-seed-{Guid.NewGuid():N}.json");

    public void Dispose()
    {
        _dataSource.Dispose();
        File.Delete(_file);
    }

    private PeerRegistry NewRegistry() =>
        new(_dataSource, new TokenAtRestCipher(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), TimeProvider.System);

    /// <summary>A bank node code nobody else in the shared database uses.</summary>
    private static string NewBankCode() => "D" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_bad_row_is_reported_and_skipped_and_the_other_peers_are_still_seeded()
    {
        var (shortBank, longBank, badToken, badKind, wrongType, missingToken) = (NewBankCode(), NewBankCode(), NewBankCode(), "F320682", NewBankCode(), NewBankCode());
        var eighteen = "Ab3$efgh1jkLmn0pQr";
        var sixtyFour = new string('z', 63) + "!";
        await File.WriteAllTextAsync(_file, $$"""
            [
              { "nodeCode": "{{shortBank}}", "name": "十八位令牌的银行", "token": "{{eighteen}}" },
              { "nodeCode": "{{badToken}}", "name": "令牌太短", "token": "short7!" },
              { "nodeCode": "{{badKind}}", "name": "财政不是对端", "token": "{{new string('f', 32)}}" },
              { "nodeCode": "{{wrongType}}", "name": "端口不是数字", "token": "{{new string('w', 32)}}", "endpointHost": "127.0.0.1", "endpointPort": "x" },
              { "nodeCode": "{{missingToken}}", "name": "没有令牌" },
              { "nodeCode": "{{longBank}}", "name": "六十四位令牌的银行", "token": "{{sixtyFour}}" },
              { "nodeCode": "{{shortBank}}", "name": "重复", "token": "{{new string('d', 32)}}" }
            ]
            """);
        var registry = NewRegistry();

        var report = await SandboxPeerFile.SeedAbsentAsync(registry, _file, CancellationToken.None);

        Assert.Equal([shortBank, longBank], report.Added);
        Assert.Equal([2, 3, 4, 5, 7], report.Rejected.Select(r => r.Row));
        Assert.Contains("8–64", report.Rejected[0].Reason);
        Assert.Equal(badToken, report.Rejected[0].NodeCode);
        Assert.Contains("not a bank", report.Rejected[1].Reason);
        Assert.Contains("endpointPort", report.Rejected[2].Reason);
        Assert.Contains("token", report.Rejected[3].Reason);
        Assert.Contains("twice", report.Rejected[4].Reason);
        // The report never carries a token.
        Assert.DoesNotContain(report.Rejected, r => r.ToString().Contains("short7!", StringComparison.Ordinal));

        Assert.Equal(eighteen, (await registry.FindFreshAsync(shortBank))!.Token);
        Assert.Equal(sixtyFour, (await registry.FindFreshAsync(longBank))!.Token);
        foreach (var skipped in new[] { badToken, wrongType, missingToken })
        {
            Assert.Null(await registry.FindFreshAsync(skipped));
        }

        // Seeding again adds nothing and reports the same rows.
        var again = await SandboxPeerFile.SeedAbsentAsync(registry, _file, CancellationToken.None);
        Assert.Empty(again.Added);
        Assert.Equal(5, again.Rejected.Count);
    }

    [Fact]
    public async Task A_file_that_is_not_an_array_of_peers_is_refused_with_a_clear_error()
    {
        await File.WriteAllTextAsync(_file, """{ "nodeCode": "D3206820105" }""");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxPeerFile.SeedAbsentAsync(NewRegistry(), _file, CancellationToken.None));
        Assert.Contains("array", refused.Message);
    }

    [Theory]
    [InlineData("Ab3$efg", false)]
    [InlineData("Ab3$efgh", true)]
    [InlineData("Ab3$efgh1jkLmn0pQr", true)]
    [InlineData("has a space", false)]
    [InlineData("中文令牌中文令牌", false)]
    public async Task Staff_rotation_takes_any_token_of_8_to_64_printable_ascii_characters(string token, bool usable)
    {
        var registry = NewRegistry();
        var bank = NewBankCode();
        Assert.True(await registry.AddIfAbsentAsync(new PeerDefinition { NodeCode = bank, Name = "轮换测试", Token = new string('a', 32) }, "test"));
        var peer = (await registry.FindFreshAsync(bank))!;
        if (usable)
        {
            Assert.True(await registry.RotateTokenAsync(bank, token, TimeSpan.FromMinutes(1), peer.Version, "test"));
            Assert.Equal(token, (await registry.FindFreshAsync(bank))!.Token);
        }
        else
        {
            await Assert.ThrowsAsync<ArgumentException>(() => registry.RotateTokenAsync(bank, token, TimeSpan.FromMinutes(1), peer.Version, "test"));
            Assert.Equal(new string('a', 32), (await registry.FindFreshAsync(bank))!.Token);
        }
    }

    [Fact]
    public void A_token_longer_than_64_characters_is_refused()
    {
        Assert.True(PeerDefinition.IsUsableToken(new string('x', 64)));
        Assert.False(PeerDefinition.IsUsableToken(new string('x', 65)));
    }
}
