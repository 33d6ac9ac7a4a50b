using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
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
/// are passed by the caller, since the entities' own are not set without change tracking. An entity
/// split over tables (a clock's accrual state) gets one INSERT per table, the others taking the key
/// the first one generated.
/// </summary>
internal sealed class RowWriter(AppDbContext db)
{
    /// <summary>
    /// One table's INSERT as the model makes it, built once per model and entity type: reading the
    /// model's column names and conversions for every batch was a visible share of the group-commit
    /// writer's time, since its writers live for one batch.
    /// </summary>
    /// <param name="Stores">Each column's model value to its store value (<see cref="StoreValues"/>).</param>
    sealed record Shape(string Sql, IProperty[] Columns, Func<object?, object?>[] Stores, bool ReturnsKey, Shape[] Fragments);

    sealed record Table(Shape Shape, DbCommand Command, Table[] Fragments);

    /// <summary>Per model, held only as long as the model is: a model dropped by EF takes its shapes with it.</summary>
    static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(Type, bool IfNew), Shape>> Shapes = new();

    readonly Dictionary<(Type, bool IfNew), Table> _tables = [];

    public Task<long> InsertAsync(object entity, CancellationToken ct, params (string Property, object? Value)[] set) =>
        InsertAsync(entity, false, set, ct);

    /// <summary>
    /// Inserts the row unless one with the same unique key is there (INSERT … ON CONFLICT DO NOTHING):
    /// its generated key, or 0 when the row was there already. An expected duplicate (a resent
    /// message) is answered by the database without an error, so nothing fails or is logged for it;
    /// on PostgreSQL a conflicting row of a transaction still open is waited for and then decides.
    /// </summary>
    public Task<long> InsertIfNewAsync(object entity, CancellationToken ct) => InsertAsync(entity, true, [], ct);

    async Task<long> InsertAsync(object entity, bool ifNew, (string Property, object? Value)[] set, CancellationToken ct)
    {
        var key = (entity.GetType(), ifNew);
        if (!_tables.TryGetValue(key, out var table))
        {
            var model = db.Model;
            var shape = Shapes.GetOrCreateValue(model).GetOrAdd(key, k => ShapeOf(model, k.Item1, k.IfNew));
            _tables[key] = table = Command(shape);
        }
        var id = await InsertAsync(table, entity, set, ct);
        if (table.Shape.ReturnsKey && id == 0)
            return 0;
        foreach (var fragment in table.Fragments)
            await InsertAsync(fragment, entity, table.Shape.ReturnsKey ? [.. set, (fragment.Shape.Columns[0].Name, id)] : set, ct);
        return id;
    }

    static async Task<long> InsertAsync(Table table, object entity, (string Property, object? Value)[] set, CancellationToken ct)
    {
        var (shape, command, _) = table;
        for (var i = 0; i < shape.Columns.Length; i++)
        {
            var p = shape.Columns[i];
            var value = p.GetGetter().GetClrValue(entity);
            foreach (var (name, v) in set)
            {
                if (name == p.Name)
                    value = v;
            }
            command.Parameters[i].Value = shape.Stores[i](value) ?? DBNull.Value;
        }
        if (!shape.ReturnsKey)
        {
            await command.ExecuteNonQueryAsync(ct);
            return 0;
        }
        return await command.ExecuteScalarAsync(ct) is { } id and not DBNull
            ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    /// <summary>The shape's command on this context's connection and open transaction.</summary>
    Table Command(Shape shape)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Table and column names come from the EF model, never from input.
#pragma warning disable CA2100
        command.CommandText = shape.Sql;
#pragma warning restore CA2100
        for (var i = 0; i < shape.Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return new Table(shape, command, [.. shape.Fragments.Select(Command)]);
    }

    static Shape ShapeOf(IModel model, Type type, bool ifNew)
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        var key = entity.FindPrimaryKey()!.Properties;
        var generated = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
        var main = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p != generated && p.GetColumnName(main) is not null).ToArray();
        // The other tables of a split entity: the key first, then the properties kept there.
        var fragments = entity
            .GetMappingFragments(StoreObjectType.Table)
            .Select(f =>
                ShapeOf(
                    f.StoreObject,
                    [.. key, .. entity.GetProperties().Where(p => !p.IsPrimaryKey() && p.GetColumnName(f.StoreObject) is not null)],
                    null,
                    ifNew
                )
            )
            .ToArray();
        return ShapeOf(main, columns, generated, ifNew) with { Fragments = fragments };
    }

    static Shape ShapeOf(StoreObjectIdentifier table, IProperty[] columns, IProperty? generated, bool ifNew)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var conflict = ifNew ? " ON CONFLICT DO NOTHING" : "";
        var returning = generated is null ? "" : $" RETURNING \"{generated.GetColumnName(table)}\"";
        return new Shape(
            $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values}){conflict}{returning}",
            columns,
            [.. columns.Select(StoreValues.Of)],
            generated is not null,
            []
        );
    }
}
