using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Platform.Data;

/// <summary>
/// Writes entities built by the domain as rows through one prepared INSERT per table, generated
/// from the EF model (column names, value conversions), on the context's open transaction (the one
/// open when a table is first written). SaveChanges costs some fifty times more per row: too much
/// for a million generated work orders, and most of the single group-commit writer's time at intake.
/// Nothing is tracked or audited here; callers that need an audit row write it themselves.
/// Generated keys come back through RETURNING (SQLite and PostgreSQL both have it); foreign keys
/// are passed by the caller, since the entities' own are not set without change tracking.
/// </summary>
internal sealed class RowWriter(AppDbContext db)
{
    sealed record Table(DbCommand Command, IProperty[] Columns, bool ReturnsKey);

    readonly Dictionary<Type, Table> _tables = [];

    public async Task<long> InsertAsync(object entity, CancellationToken ct, params (string Property, object? Value)[] set)
    {
        var table = _tables.TryGetValue(entity.GetType(), out var t) ? t : _tables[entity.GetType()] = Prepare(entity.GetType());
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var p = table.Columns[i];
            var value = p.GetGetter().GetClrValue(entity);
            foreach (var (name, v) in set)
            {
                if (name == p.Name)
                    value = v;
            }
            var converter = p.GetTypeMapping().Converter;
            table.Command.Parameters[i].Value = (value is null ? null : converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
        }
        if (!table.ReturnsKey)
        {
            await table.Command.ExecuteNonQueryAsync(ct);
            return 0;
        }
        return Convert.ToInt64(await table.Command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    Table Prepare(Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        var key = entity.FindPrimaryKey()!.Properties;
        var generated = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
        var columns = entity.GetProperties().Where(p => p != generated).ToArray();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var returning = generated is null ? "" : $" RETURNING \"{generated.GetColumnName()}\"";
        // Table and column names come from the EF model, never from input.
#pragma warning disable CA2100
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({names}) VALUES ({values}){returning}";
#pragma warning restore CA2100
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return new Table(command, columns, generated is not null);
    }
}
