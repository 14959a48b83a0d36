using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Frontend.Reports;

/// <summary>
/// Runs a <see cref="ReportDefinition"/>: on screen the first <see cref="ScreenRows"/> rows and a
/// chart; for the export every row, streamed from the database as it is written out.
/// </summary>
public sealed class ReportRunner(NpgsqlDataSource dataSource)
{
    public const int ScreenRows = 1000;

    /// <summary>A spreadsheet holds 1,048,576 rows including the header.</summary>
    public const int MaxExportRows = 1_048_575;

    /// <summary>A detail query over many days may take a while; longer than this is an error, not a hung page.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public async Task<ReportResult> RunAsync(ReportDefinition report, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = new List<object?[]>();
        var truncated = false;
        await foreach (var row in RowsAsync(report, filter, ScreenRows + 1, cancellationToken))
        {
            if (rows.Count == ScreenRows)
            {
                truncated = true;
                break;
            }

            rows.Add(row);
        }

        return new ReportResult(report, filter, rows, truncated, truncated ? [] : ChartOf(report, rows));
    }

    /// <summary>Every row of the report in order, as typed values (text, long, decimal, DateOnly).</summary>
    public async IAsyncEnumerable<object?[]> RowsAsync(ReportDefinition report, ReportFilter filter, int limit = MaxExportRows,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(report.Sql);
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        command.Parameters.Add(new NpgsqlParameter { Value = filter.From, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.To, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.UnitCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.BankNode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = 0;
        while (read++ < limit && await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[report.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Typed(report.Columns[i].Kind, reader.GetValue(i));
            }

            yield return row;
        }
    }

    /// <summary>The chart's bars: the value column summed by the label column (largest first for a structure).</summary>
    public static IReadOnlyList<ChartPoint> ChartOf(ReportDefinition report, IReadOnlyList<object?[]> rows)
    {
        if (report.Chart == ReportChartKind.None)
        {
            return [];
        }

        var points = rows
            .GroupBy(r => Format(report.Columns[report.ChartLabel], r[report.ChartLabel]), StringComparer.Ordinal)
            .Select(g => new ChartPoint(g.Key, g.Sum(r => r[report.ChartValue] is decimal d ? d : r[report.ChartValue] is long l ? l : 0m)));
        return report.Chart == ReportChartKind.Structure
            ? points.Where(p => p.Value != 0).OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal).ToArray()
            : points.ToArray();
    }

    /// <summary>A value as the page and the chart show it (the export keeps numbers and dates typed).</summary>
    public static string Format(ReportColumn column, object? value) => value switch
    {
        null => "",
        decimal d when column.Kind == ReportColumnKind.Percent => d.ToString("0.00", CultureInfo.InvariantCulture) + "%",
        decimal d => d.ToString("N2", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static object Typed(ReportColumnKind kind, object value) => kind switch
    {
        ReportColumnKind.Count => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ReportColumnKind.Money or ReportColumnKind.Percent => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        ReportColumnKind.Date => value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        },
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
