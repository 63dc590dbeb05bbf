using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;
using Preau.Identity.Data;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Imports;

/// <summary>
/// Inserts many new rows inside the caller's transaction: PostgreSQL's binary COPY (a département's
/// 250,000 accounts in seconds), EF Core batches of a few thousand rows elsewhere (SQLite, where a
/// prepared INSERT per row is already fast). The columns come from the EF model, so a column added to an
/// entity is written without touching this class.
/// </summary>
internal sealed class RowInserter(IdentityDbContext db)
{
    private const int BatchSize = 2_000;

    /// <summary>Inserts the rows (enumerated once, never held in a list); calls <paramref name="written"/> as batches go.</summary>
    public async Task InsertAsync<T>(IEnumerable<T> rows, Action<int> written, CancellationToken cancellationToken)
        where T : class, ITerritoryOwned
    {
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(rows, written, cancellationToken);
            return;
        }

        var batch = new List<T>(BatchSize);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                await SaveAsync(batch, cancellationToken);
                written(batch.Count);
                batch.Clear();
            }
        }

        await SaveAsync(batch, cancellationToken);
        written(batch.Count);
    }

    private async Task SaveAsync<T>(List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        if (batch.Count == 0)
        {
            return;
        }

        db.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task CopyAsync<T>(IEnumerable<T> rows, Action<int> written, CancellationToken cancellationToken)
        where T : class, ITerritoryOwned
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            // Identity columns (the audit log's and the rejections' long keys) are numbered by the database.
            .Where(p => NpgsqlPropertyExtensions.GetValueGenerationStrategy(p) is not (NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.SerialColumn))
            .Select(p => (Property: p, Column: p.GetColumnName(table)))
            .Where(c => c.Column is not null)
            .Select(c => (c.Property, Column: c.Column!, Getter: c.Property.GetGetter(), Converter: c.Property.GetTypeMapping().Converter))
            .ToList();
        var copy = $"COPY {Quote(table.Schema)}.{Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Column)))}) FROM STDIN (FORMAT BINARY)";

        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return;
        }

        // Inside the import's transaction the connection is open; a dry run writes its rejections without one.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            var count = 0;
            do
            {
                var row = enumerator.Current;
                if (row.TerritoryId == Guid.Empty)
                {
                    // COPY bypasses SaveChanges' territory stamp: the planner sets it; never write a row without one.
                    throw new InvalidOperationException($"A {typeof(T).Name} without a territory cannot be copied.");
                }

                // Synchronous writes: COPY buffers rows and flushes by blocks; an await per value would cost more than the value.
                importer.StartRow();
                foreach (var (_, _, getter, converter) in columns)
                {
                    var value = getter.GetClrValue(row);
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        importer.Write(value, TypeOf(value));
                    }
                }

                if (++count % BatchSize == 0)
                {
                    written(BatchSize);
                }
            }
            while (enumerator.MoveNext());

            await importer.CompleteAsync(cancellationToken);
            written(count % BatchSize);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static string Quote(string? identifier) => "\"" + identifier!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The PostgreSQL type of a provider value, as the Npgsql EF provider maps it.</summary>
    private static NpgsqlDbType TypeOf(object value) => value switch
    {
        Guid => NpgsqlDbType.Uuid,
        string => NpgsqlDbType.Text,
        bool => NpgsqlDbType.Boolean,
        int => NpgsqlDbType.Integer,
        long => NpgsqlDbType.Bigint,
        short => NpgsqlDbType.Smallint,
        double => NpgsqlDbType.Double,
        float => NpgsqlDbType.Real,
        decimal => NpgsqlDbType.Numeric,
        DateTime => NpgsqlDbType.TimestampTz,
        DateTimeOffset => NpgsqlDbType.TimestampTz,
        DateOnly => NpgsqlDbType.Date,
        TimeOnly => NpgsqlDbType.Time,
        byte[] => NpgsqlDbType.Bytea,
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
    };
}
