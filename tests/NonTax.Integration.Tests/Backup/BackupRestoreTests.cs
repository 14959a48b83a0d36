using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Time;
using Npgsql;
using Xunit.Abstractions;

namespace NonTax.Integration.Tests.Backup;

/// <summary>
/// deploy/local/backup.sh and restore.sh as an operator runs them: a dump taken while a bank's
/// confirmations are being applied, restored into a fresh database, answers every notice confirmed
/// before the backup started as confirmed — the grain (a resend gets the stored 00000, another
/// bank 10006) and the relational projection alike — and holds no half-applied confirmation.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Bank = "D3206820105";
    private const string OtherBank = "D3206820103";
    private const decimal Amount = 150.00m;

    private readonly PostgresFixture _database = new();
    private readonly string _backupDirectory = Path.Combine(Path.GetTempPath(), $"nontax-backup-{Guid.NewGuid():N}");
    private readonly List<WebApplication> _silos = [];
    private string? _restoredDatabase;

    public Task InitializeAsync() => _database.InitializeAsync();

    [Fact]
    public async Task A_dump_taken_under_confirmations_restores_every_confirmation_acknowledged_before_it()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var serviceId = $"bk-{Guid.NewGuid():N}"[..16];
        var live = await StartSiloAsync(_database.AppConnectionString, _database.OwnerConnectionString, serviceId, "live", key, seed: true);
        var factory = live.Services.GetRequiredService<IGrainFactory>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var today = ChinaTime.Today(TimeProvider.System);

        // Acknowledged confirmations in the order their 00000 came back.
        var acknowledged = new ConcurrentQueue<(string PayCode, string TraNoBus)>();
        var attempted = new ConcurrentQueue<(string PayCode, string TraNoBus)>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var unit = factory.GetGrain<ICollectingUnitGrain>("0201001");
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var issued = await unit.Issue(new NoticeDraft(new Payer("王五"), Amount, [new NoticeLineRequest("103050101", Amount)], "clerk"));
                Assert.True(issued.Succeeded, issued.Information);
                var traNoBus = $"{run}-{worker}-{n}";
                attempted.Enqueue((issued.PayCode!, traNoBus));
                var outcome = await factory.GetGrain<IPaymentNoticeGrain>(issued.PayCode!)
                    .Confirm(new ConfirmedPayment(issued.PayCode!, Bank, traNoBus, today, "101500", Amount, "02", "王五"));
                Assert.Equal("00000", outcome.ResultCode);
                acknowledged.Enqueue((issued.PayCode!, traNoBus));
            }
        })).ToList();

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(acknowledged.Count >= 20 || workers.Any(w => w.IsFaulted))));
        Assert.DoesNotContain(workers, w => w.IsFaulted);

        // The backup point: every 00000 answered before the script starts is committed before
        // pg_dump's snapshot can begin.
        var beforeBackup = acknowledged.ToArray();
        var backup = DeployScript.Start("backup.sh", _database.OwnerConnectionString, null, "dump", "--out", _backupDirectory);
        var dumped = await DeployScript.WaitAsync(backup);
        var duringBackup = acknowledged.Count - beforeBackup.Length;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.True(dumped.ExitCode == 0, dumped.Describe());
        var file = dumped.LastLine;
        Assert.True(File.Exists(file), $"backup.sh named {file}");
        Assert.True(File.Exists(file + ".sha256"));
        output.WriteLine($"{beforeBackup.Length} confirmations acknowledged before the backup, {duringBackup} while it ran, {acknowledged.Count} in all");

        _restoredDatabase = _database.DatabaseName + "_r";
        var restored = await DeployScript.RunAsync("restore.sh", _database.OwnerConnectionString, "dump", file, "--database", _restoredDatabase);
        Assert.True(restored.ExitCode == 0, restored.Describe());
        Assert.Equal(_restoredDatabase, restored.LastLine);

        var restoredApp = new NpgsqlConnectionStringBuilder(_database.AppConnectionString) { Database = _restoredDatabase }.ConnectionString;
        var restoredOwner = new NpgsqlConnectionStringBuilder(_database.OwnerConnectionString) { Database = _restoredDatabase }.ConnectionString;
        // Same service id (grain identities), a cluster of its own on the restored database.
        var restoredSilo = await StartSiloAsync(restoredApp, restoredOwner, serviceId, "restored", key, seed: false);
        var restoredFactory = restoredSilo.Services.GetRequiredService<IGrainFactory>();

        foreach (var (payCode, traNoBus) in beforeBackup)
        {
            var notice = restoredFactory.GetGrain<IPaymentNoticeGrain>(payCode);
            var record = await notice.GetDetails();
            Assert.NotNull(record);
            Assert.Equal(NoticeStatus.Paid, record.Details.Status);
            Assert.Equal(traNoBus, record.Revenue?.Confirmation.TraNoBus);
            Assert.Equal("paid", await ScalarAsync<string>(restoredApp, "SELECT status FROM nontax.notices WHERE pay_code = $1", payCode));
        }

        // Answered as confirmed: the bank's resend gets the stored answer, another bank a duplicate.
        var (firstCode, firstTraNoBus) = beforeBackup[0];
        var resend = await restoredFactory.GetGrain<IPaymentNoticeGrain>(firstCode)
            .Confirm(new ConfirmedPayment(firstCode, Bank, firstTraNoBus, today, "101500", Amount, "02", "王五"));
        Assert.Equal("00000", resend.ResultCode);
        var second = await restoredFactory.GetGrain<IPaymentNoticeGrain>(firstCode)
            .Confirm(new ConfirmedPayment(firstCode, OtherBank, $"{run}-other", today, "101600", Amount, "02", "王五"));
        Assert.Equal("10006", second.ResultCode);

        // Whatever was in flight at the backup point is in the copy whole or not at all.
        foreach (var (payCode, traNoBus) in attempted.Except(beforeBackup))
        {
            var status = await ScalarAsync<string>(restoredApp, "SELECT status FROM nontax.notices WHERE pay_code = $1", payCode);
            var confirmedFacts = await ScalarAsync<long>(restoredApp,
                "SELECT count(*) FROM nontax.business_facts WHERE subject = $1 AND kind = 'notice.confirmed'", payCode);
            var record = await restoredFactory.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
            if (record is null)
            {
                Assert.Null(status);
                Assert.Equal(0, confirmedFacts);
                continue;
            }

            var paid = record.Details.Status == NoticeStatus.Paid;
            Assert.Equal(paid ? "paid" : "unpaid", status);
            Assert.Equal(paid ? 1 : 0, confirmedFacts);
            if (paid)
            {
                Assert.Equal(traNoBus, record.Revenue?.Confirmation.TraNoBus);
            }
        }

        // A second restore into the now-populated database is refused and changes nothing.
        var notices = await ScalarAsync<long>(restoredApp, "SELECT count(*) FROM nontax.notices");
        var again = await DeployScript.RunAsync("restore.sh", _database.OwnerConnectionString, "dump", file, "--database", _restoredDatabase);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("fresh database", again.Error, StringComparison.Ordinal);
        Assert.Equal(notices, await ScalarAsync<long>(restoredApp, "SELECT count(*) FROM nontax.notices"));
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_created()
    {
        Directory.CreateDirectory(_backupDirectory);
        var dumped = await DeployScript.RunAsync("backup.sh", _database.OwnerConnectionString, "dump", "--out", _backupDirectory);
        Assert.True(dumped.ExitCode == 0, dumped.Describe());
        var file = dumped.LastLine;
        await using (var stream = File.OpenWrite(file))
        {
            stream.Seek(stream.Length / 2, SeekOrigin.Begin);
            stream.WriteByte(0x5A);
            stream.WriteByte(0xA5);
        }

        _restoredDatabase = _database.DatabaseName + "_d";
        var restored = await DeployScript.RunAsync("restore.sh", _database.OwnerConnectionString, "dump", file, "--database", _restoredDatabase);
        Assert.NotEqual(0, restored.ExitCode);
        Assert.Contains("checksum", restored.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname = $1", _restoredDatabase));
    }

    private async Task<WebApplication> StartSiloAsync(string app, string owner, string serviceId, string name, string key, bool seed)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Security:TokenKey"] = key,
            ["Orleans:ServiceId"] = serviceId,
        };
        if (seed)
        {
            settings["Sandbox:Seed"] = "true";
            settings["Sandbox:BaseDataFile"] = FullSilo.SandboxBureauFile;
        }

        var silo = await FullSilo.StartAsync(app, owner, $"{serviceId}-{name}", name, settings);
        _silos.Add(silo);
        return silo;
    }

    private static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// As <see cref="PostgresFixture"/> does: a silo still closing can hold an app-role connection
    /// for a moment, which the owner may not terminate (42501), so wait for it; a database left
    /// behind lives only in the test instance that test.sh throws away.
    /// </summary>
    private static async Task DropRestoredDatabaseAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresFixture.AdminVariable));
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 40)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                Console.Error.WriteLine($"Restored test database {name} left behind: {e.MessageText}");
                return;
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }

        if (_restoredDatabase is not null)
        {
            await DropRestoredDatabaseAsync(_restoredDatabase);
        }

        await _database.DisposeAsync();
        if (Directory.Exists(_backupDirectory))
        {
            Directory.Delete(_backupDirectory, recursive: true);
        }
    }
}
