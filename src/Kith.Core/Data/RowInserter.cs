using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kith.Core.Data;

/// <summary>
/// Inserts rows with plain ADO.NET commands built from the EF model: one insert statement per table,
/// prepared once and run per row (SQLite), or sent many rows to a round trip where the provider can
/// batch (PostgreSQL). Values go through the same type mappings EF uses, so the stored form is the
/// same as a <c>SaveChanges</c> would write. Used for bulk imports, where EF's own batching spends
/// most of its time building and binding statements.
/// </summary>
internal static class RowInserter
{
    /// <summary>How many rows go to one round trip when the provider can batch commands.</summary>
    private const int RowsPerBatch = 500;

    /// <summary>
    /// Inserts <paramref name="rows"/> (entities of one mapped type, or plain objects of it) into its table
    /// inside the context's current transaction. Store-generated integer keys are left to the database.
    /// </summary>
    /// <exception cref="InvalidOperationException">When no transaction is open: a bulk insert never commits on its own.</exception>
    public static async Task InsertAsync(DbContext db, IEntityType entityType, IReadOnlyList<Func<IProperty, object?>> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert needs an open transaction.");
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => IsWritten(p, store)).ToList();
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToList();
        var names = columns.Select((_, i) => sql.GenerateParameterName("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(store)!)))}) VALUES ({string.Join(", ", names)})";

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        if (connection.CanCreateBatch)
        {
            foreach (var chunk in rows.Chunk(RowsPerBatch))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var row in chunk)
                {
                    var item = batch.CreateBatchCommand();
                    item.CommandText = text;
                    Bind(command, item.Parameters, columns, mappings, names, row);
                    batch.BatchCommands.Add(item);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        foreach (var row in rows)
        {
            command.Parameters.Clear();
            Bind(command, command.Parameters, columns, mappings, names, row);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Reads a tracked entry's current values, shadow properties included.</summary>
    public static Func<IProperty, object?> Values(EntityEntry entry) => p => entry.Property(p.Name).CurrentValue;

    private static bool IsWritten(IProperty property, StoreObjectIdentifier store) =>
        property.GetColumnName(store) is not null
        && property.GetBeforeSaveBehavior() != PropertySaveBehavior.Ignore
        && !(property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int)));

    private static void Bind(DbCommand command, DbParameterCollection parameters, List<IProperty> columns, List<RelationalTypeMapping> mappings, List<string> names, Func<IProperty, object?> row)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            parameters.Add(mappings[i].CreateParameter(command, names[i], row(columns[i]), columns[i].IsNullable));
        }
    }
}
