using Npgsql;
using NpgsqlTypes;

namespace NonTax.Persistence.Projection;

/// <summary>
/// Builds the batch commands of the projections with explicitly typed parameters, so a null is
/// sent with its column's type and a DateTimeOffset always as a UTC timestamptz.
/// </summary>
internal static class ProjectionCommand
{
    public static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    public static NpgsqlParameter Text(string? value) => Typed(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Money(decimal? value) => Typed(value, NpgsqlDbType.Numeric);

    public static NpgsqlParameter Number(decimal value) => Typed(value, NpgsqlDbType.Numeric);

    public static NpgsqlParameter Date(DateOnly? value) => Typed(value, NpgsqlDbType.Date);

    public static NpgsqlParameter Instant(DateTimeOffset? value) => Typed(value?.ToUniversalTime(), NpgsqlDbType.TimestampTz);

    public static NpgsqlParameter Int(int? value) => Typed(value, NpgsqlDbType.Integer);

    public static NpgsqlParameter Long(long value) => Typed(value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter LongOrNull(long? value) => Typed(value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Bool(bool value) => Typed(value, NpgsqlDbType.Boolean);

    public static NpgsqlParameter TextArray(IReadOnlyList<string> values) => Typed(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public static NpgsqlParameter Json(string? value) => Typed(value, NpgsqlDbType.Jsonb);

    private static NpgsqlParameter Typed(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
