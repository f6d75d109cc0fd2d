using System.Data.Common;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kith.PeopleBench;

/// <summary>
/// Writes entities straight into their tables with prepared INSERTs built from the EF model, so the rows are
/// exactly what the app would have written (value converters, protected text encrypted with the context's
/// protector) without the change tracker or an audit event per row: millions of rows in minutes.
/// </summary>
internal sealed class BulkInsert(KithDbContext db, DbConnection connection)
{
    private readonly Dictionary<Type, (DbCommand Command, List<(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)> Columns)> commands = [];

    public DbTransaction? Transaction { get; set; }

    public long Rows { get; private set; }

    public void Add<T>(T entity)
        where T : class
    {
        var (command, columns) = CommandFor(typeof(T));
        command.Transaction = Transaction;
        foreach (var (property, parameter, mapping) in columns)
        {
            var value = property.PropertyInfo!.GetValue(entity);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
        Rows++;
    }

    public void AddRange<T>(IEnumerable<T> entities)
        where T : class
    {
        foreach (var entity in entities)
        {
            Add(entity);
        }
    }

    private (DbCommand, List<(IProperty, DbParameter, RelationalTypeMapping)>) CommandFor(Type type)
    {
        if (commands.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var command = connection.CreateCommand();
        var columns = new List<(IProperty, DbParameter, RelationalTypeMapping)>();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.PropertyInfo is null || property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long))
            {
                continue;
            }

            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var name = $"@p{columns.Count}";
            var parameter = mapping.CreateParameter(command, name, null, nullable: true);
            command.Parameters.Add(parameter);
            columns.Add((property, parameter, mapping));
            names.Add(property.GetColumnName(store)!);
        }

        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        command.Prepare();
        commands[type] = (command, columns);
        return (command, columns);
    }
}
