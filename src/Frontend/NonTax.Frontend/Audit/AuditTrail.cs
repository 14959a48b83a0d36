using Npgsql;
using NpgsqlTypes;

namespace NonTax.Frontend.Audit;

/// <summary>
/// Writes and searches the web app's operation log, <c>nontax.web_audit_log</c>. The application
/// role may only insert and read it (deploy/sql/0800_web_accounts.sql; the migrator revokes
/// UPDATE and DELETE), so no one using the system, administrators included, can change a line.
/// Details never carry personal data (ID numbers, phones, accounts): callers pass codes and counts.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, IHttpContextAccessor http, ILogger<AuditTrail> logger)
{
    public const string Succeeded = "ok";
    public const string Refused = "refused";
    public const string Failed = "failed";

    public async Task RecordAsync(string action, string? target, string outcome, string? detail = null, string? actor = null)
    {
        var context = http.HttpContext;
        actor ??= context?.User.Identity?.Name ?? "anonymous";
        var address = context?.Connection.RemoteIpAddress?.ToString();
        await using var command = dataSource.CreateCommand(
            "INSERT INTO nontax.web_audit_log (actor, action, target, outcome, detail, client_address) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { Value = actor });
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = outcome });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)detail ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
        logger.LogInformation("Audit {Action} {Target} by {Actor}: {Outcome}", action, target, actor, outcome);
    }

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, at, actor, action, target, outcome, detail, client_address
              FROM nontax.web_audit_log
             WHERE ($1::text IS NULL OR actor = $1)
               AND ($2::text IS NULL OR action LIKE $2 || '%')
               AND ($3::text IS NULL OR target ILIKE '%' || $3 || '%' OR detail ILIKE '%' || $3 || '%')
               AND ($4::date IS NULL OR at >= ($4::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
               AND ($5::date IS NULL OR at < ($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
             ORDER BY id DESC
             LIMIT $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Blank(query.Actor), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Blank(query.Action), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Blank(query.Text), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.Limit, 1, 1000) });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();
}
